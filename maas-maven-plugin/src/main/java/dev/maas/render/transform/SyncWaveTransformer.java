package dev.maas.render.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.render.Transformer;
import dev.maas.render.argocd.SyncWaves;
import java.util.List;

/**
 * Gives every object the Argo CD sync wave of its kind, so that a sync creates the Gateway and the
 * Kuadrant and Limitador objects before the policies that target them and the models behind them.
 */
public final class SyncWaveTransformer implements Transformer {

  @Override
  public List<KubeObject> transform(Platform platform, List<KubeObject> objects) {
    for (KubeObject object : objects) {
      ObjectNode metadata = (ObjectNode) object.body().get("metadata");
      ObjectNode annotations =
          metadata.has("annotations")
              ? (ObjectNode) metadata.get("annotations")
              : metadata.putObject("annotations");
      if (!annotations.has(SyncWaves.ANNOTATION)) {
        annotations.put(SyncWaves.ANNOTATION, SyncWaves.of(object.kind()));
      }
    }
    return objects;
  }
}
