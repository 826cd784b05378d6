package dev.maas.render;

import dev.maas.model.Platform;
import java.util.List;

/** A render stage that creates objects of the Kustomize base from the platform model. */
public interface Generator {

  /** The stage's name as the stage list shows it. */
  String name();

  /** The objects this stage adds to the base. */
  List<KubeObject> generate(Platform platform);
}
