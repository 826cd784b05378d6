package dev.maas.render;

import dev.maas.model.Platform;
import java.util.List;

/**
 * A read-only render stage: it looks at the finished objects and throws {@link
 * IllegalStateException} when the compiler broke one of its own promises; it never changes an
 * object.
 */
@FunctionalInterface
public interface RenderCheck {

  /** Throws when {@code objects} break this check's promise. */
  void check(Platform platform, List<KubeObject> objects);
}
