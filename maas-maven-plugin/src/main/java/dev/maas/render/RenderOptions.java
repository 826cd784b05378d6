package dev.maas.render;

import java.nio.file.Path;

/**
 * Settings of a compilation that do not come from the spec.
 *
 * @param overlaysDir the folder of hand-written Kustomize overlays ({@code overlays/<env>/}), or
 *     {@code null}
 * @param pluginVersion the compiler's version, recorded in provenance
 */
public record RenderOptions(Path overlaysDir, String pluginVersion) {}
