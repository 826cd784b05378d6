package dev.maas.render.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.tokenservice.TokenServiceGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the gateway's access logs when {@code observability.logs.enabled}: an Istio Telemetry
 * that turns on the mesh's OpenTelemetry access log provider for the gateway's pods, the
 * EnvoyFilter that gives each line its model and token counts ({@link UsageFilter}), and the
 * collector that provider sends to.
 *
 * <p>Istio resolves a Telemetry's {@code accessLogging[].providers[].name} against {@code
 * meshConfig.extensionProviders[].name} (istio/istio {@code pilot/pkg/model/telemetry.go}, {@code
 * fetchProvider}, case-insensitive); a name the mesh does not define logs nothing, so the Telemetry
 * carries the provider to add as an annotation, the same text as docs/install.md.
 */
public final class AccessLogGenerator implements Generator {

  /** The annotation on the Telemetry that holds the mesh config the cluster admin adds. */
  public static final String MESH_PROVIDER_ANNOTATION = "maas.dev/mesh-provider";

  /** It reads the gateway, the token service's namespace and the logs' settings. */
  @Override
  public boolean environmentInvariant() {
    return true;
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    AccessLogs logs = platform.observability() == null ? null : platform.observability().logs();
    if (logs == null) {
      return List.of();
    }
    List<KubeObject> out = new ArrayList<>();
    out.add(telemetry(platform));
    out.add(UsageFilter.envoyFilter(platform));
    out.addAll(LogCollector.objects(platform, logs));
    return out;
  }

  private static KubeObject telemetry(Platform platform) {
    KubeObject telemetry =
        Manifests.object(
            "telemetry.istio.io/v1",
            "Telemetry",
            MeshProvider.name(platform),
            platform.gateway().namespace());
    ((ObjectNode) telemetry.body().get("metadata"))
        .putObject("annotations")
        .put(MESH_PROVIDER_ANNOTATION, MeshProvider.snippet(platform));
    ObjectNode spec = Manifests.spec(telemetry);
    // The pods Istio deploys for the Gateway carry its name in this label.
    spec.putObject("selector")
        .putObject("matchLabels")
        .put(TokenServiceGenerator.GATEWAY_NAME_LABEL, platform.gateway().name());
    spec.putArray("accessLogging")
        .addObject()
        .putArray("providers")
        .addObject()
        .put("name", MeshProvider.name(platform));
    return telemetry;
  }
}
