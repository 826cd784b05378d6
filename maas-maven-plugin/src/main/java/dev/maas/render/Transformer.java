package dev.maas.render;

import dev.maas.model.Platform;
import java.util.List;

/** A render stage that changes every generated object in the same way (labels, annotations...). */
@FunctionalInterface
public interface Transformer {

  /** The objects after this stage; it may change them in place. */
  List<KubeObject> transform(Platform platform, List<KubeObject> objects);
}
