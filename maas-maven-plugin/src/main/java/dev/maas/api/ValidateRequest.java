package dev.maas.api;

import java.nio.file.Path;

/**
 * What to validate.
 *
 * @param baseDir the folder diagnostics name files relative to
 * @param spec a spec file or a folder of specs
 */
public record ValidateRequest(Path baseDir, Path spec) {}
