package dev.maas.render.maascrds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Platform;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.gateway.GatewayGenerator;
import dev.maas.render.kserve.ModelGenerator;
import dev.maas.render.monitoring.MonitoringGenerator;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The stages the {@code maas-crds} target keeps from the {@code kuadrant} target, without what
 * upstream's controller and maas-api own: the routes to the token service and the internal Gateway
 * behind the policies' one route.
 */
public final class UpstreamOwned {

  private UpstreamOwned() {}

  /**
   * The platform's Gateway only. Upstream's controller attaches one TokenRateLimitPolicy and its
   * AuthPolicy to the HTTPRoute of each model
   * (maas-controller/pkg/controller/maas/maassubscription_controller.go lines 490 and 652-657:
   * {@code findHTTPRouteForModel}, {@code targetRef} kind HTTPRoute), so models attach to this
   * Gateway themselves.
   */
  public static Generator gateway() {
    return keeping(
        new GatewayGenerator(),
        (platform, o) -> o.kind().equals("Gateway") && o.name().equals(platform.gateway().name()));
  }

  /**
   * The models, each LLMInferenceService routed by KServe onto the platform's Gateway (not an
   * internal one).
   */
  public static Generator models() {
    ModelGenerator models = new ModelGenerator();
    return platform -> {
      List<KubeObject> objects = models.generate(platform);
      for (KubeObject object : objects) {
        for (JsonNode ref :
            object.body().path("spec").path("router").path("gateway").path("refs")) {
          ((ObjectNode) ref).put("name", platform.gateway().name());
          ((ObjectNode) ref).put("namespace", platform.gateway().namespace());
        }
      }
      return objects;
    };
  }

  /** Monitoring without the token service's ServiceMonitor: there is no token service. */
  public static Generator monitoring() {
    return keeping(
        new MonitoringGenerator(),
        (platform, o) ->
            !(o.kind().equals("ServiceMonitor")
                && o.name().equals(TokenServiceEndpoints.name(platform))));
  }

  /** The stage of {@code generator} with only the objects {@code keep} accepts. */
  private static Generator keeping(Generator generator, BiPredicate<Platform, KubeObject> keep) {
    return platform ->
        generator.generate(platform).stream().filter(o -> keep.test(platform, o)).toList();
  }
}
