package dev.maas.render;

import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import java.util.TreeMap;

/** Compiles a platform into its output tree: {@code base/}, {@code overlays/<env>/}. */
public final class PlatformRenderer {

  private final RenderOptions options;

  public PlatformRenderer(RenderOptions options) {
    this.options = options;
  }

  /** The files of one platform, with paths relative to {@code <out>/<platform>/}. */
  public GeneratedTree render(Platform platform) {
    return new GeneratedTree(new TreeMap<>());
  }
}
