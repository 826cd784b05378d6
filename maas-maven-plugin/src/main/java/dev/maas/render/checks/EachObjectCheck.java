package dev.maas.render.checks;

import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.render.RenderCheck;
import java.util.List;

/** A check whose promise holds for each object on its own, whatever the other objects are. */
interface EachObjectCheck extends RenderCheck {

  /** Throws when {@code object} breaks this check's promise. */
  void checkObject(Platform platform, KubeObject object);

  @Override
  default void check(Platform platform, List<KubeObject> objects) {
    for (KubeObject object : objects) {
      checkObject(platform, object);
    }
  }
}
