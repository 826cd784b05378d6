package dev.maas.render.kuadrant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Limitador;
import dev.maas.model.Platform;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.List;

/** Generates the Kuadrant instance and the Limitador that holds the rate-limit counters. */
public final class KuadrantGenerator implements Generator {

  @Override
  public List<KubeObject> generate(Platform platform) {
    Limitador settings =
        platform.limitador() != null ? platform.limitador() : new Limitador(null, 1, null);
    KubeObject kuadrant =
        Manifests.object("kuadrant.io/v1beta1", "Kuadrant", "kuadrant", settings.namespace());
    Manifests.spec(kuadrant);

    KubeObject limitador =
        Manifests.object(
            "limitador.kuadrant.io/v1alpha1", "Limitador", "limitador", settings.namespace());
    // Kuadrant's operator fills in spec.limits; server-side apply keeps Argo CD to the fields
    // written here.
    ((ObjectNode) limitador.body().get("metadata"))
        .putObject("annotations")
        .put("argocd.argoproj.io/sync-options", "ServerSideApply=true");
    ObjectNode spec = Manifests.spec(limitador);
    spec.put("replicas", settings.replicas());
    // Callers see what is left of their quota on every answer: --rate-limit-headers
    // DRAFT_VERSION_03 makes Limitador
    // answer X-RateLimit-Limit, -Remaining and -Reset (limitador src/main.rs, the
    // rate_limit_headers argument; the
    // HTTP and gRPC servers add the headers of the check's result), which the gateway passes on to
    // the client.
    spec.put("rateLimitHeaders", "DRAFT_VERSION_03");
    // Counters in memory are lost on every restart, and while Limitador is down the wasm-shim lets
    // requests
    // through (kuadrant-operator internal/wasm/utils.go, failureMode allow): production keeps them
    // in Redis
    // or on a disk (see Environments#limitador).
    if (settings.redisSecretName() != null) {
      spec.putObject("storage")
          .putObject("redis")
          .putObject("configSecretRef")
          .put("name", settings.redisSecretName());
    } else if (settings.diskSize() != null) {
      spec.putObject("storage")
          .putObject("disk")
          .putObject("persistentVolumeClaim")
          .putObject("resources")
          .put("requests", settings.diskSize());
    }
    if (platform.observability() != null && platform.observability().metrics()) {
      spec.put("telemetry", "exhaustive");
    }
    return List.of(kuadrant, limitador);
  }
}
