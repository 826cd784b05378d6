package dev.maas.api;

import java.nio.file.Path;

/**
 * What to compile and where to.
 *
 * @param baseDir the folder diagnostics name files relative to
 * @param spec a spec file or a folder of specs
 * @param outputDirectory where {@code <platform>/} folders are written
 * @param crdsDirectory a folder of CRDs to validate the output against, or {@code null}
 * @param overlaysDirectory hand-written Kustomize overlays to layer in, or {@code null}
 * @param pluginVersion the compiler's version, recorded in provenance
 */
public record GenerateRequest(
    Path baseDir, Path spec, Path outputDirectory, Path crdsDirectory, Path overlaysDirectory, String pluginVersion) {}
