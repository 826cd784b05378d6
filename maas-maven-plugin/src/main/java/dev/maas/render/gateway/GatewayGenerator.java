package dev.maas.render.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Gateway;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the platform's Gateway (one HTTPS listener that terminates TLS) and an HTTPRoute for
 * every predictor model; KServe creates the routes of LLMInferenceServices itself.
 */
public final class GatewayGenerator implements Generator {

  /** The Gateway API version of every object here. */
  public static final String API_VERSION = "gateway.networking.k8s.io/v1";

  /** The port KServe's predictor Service listens on. */
  static final int PREDICTOR_PORT = 80;

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    List<KubeObject> out = new ArrayList<>();
    out.add(gateway(platform.gateway()));
    for (Model model : platform.models()) {
      if (model.servingKind() == Serving.PREDICTOR) {
        out.add(predictorRoute(platform, model));
      }
    }
    return out;
  }

  private static KubeObject gateway(Gateway gw) {
    KubeObject gateway = Manifests.object(API_VERSION, "Gateway", gw.name(), gw.namespace());
    ObjectNode spec = Manifests.spec(gateway);
    spec.put("gatewayClassName", gw.className());
    ObjectNode https = spec.putArray("listeners").addObject();
    https.put("name", "https");
    https.put("protocol", "HTTPS");
    https.put("port", 443);
    https.put("hostname", gw.hostname());
    ObjectNode tls = https.putObject("tls");
    tls.put("mode", "Terminate");
    ObjectNode cert = tls.putArray("certificateRefs").addObject();
    cert.put("group", "");
    cert.put("kind", "Secret");
    cert.put("name", gw.tlsSecretName());
    https.putObject("allowedRoutes").putObject("namespaces").put("from", "All");
    return gateway;
  }

  /** The route {@code /<namespace>/<model>/...} → the predictor Service, with the prefix cut off. */
  private static KubeObject predictorRoute(Platform platform, Model model) {
    KubeObject route = Manifests.object(API_VERSION, "HTTPRoute", platform.name() + "-" + model.name(), model.namespace());
    ObjectNode spec = Manifests.spec(route);
    ObjectNode parent = spec.putArray("parentRefs").addObject();
    parent.put("group", "gateway.networking.k8s.io");
    parent.put("kind", "Gateway");
    parent.put("name", platform.gateway().name());
    parent.put("namespace", platform.gateway().namespace());
    ObjectNode rule = spec.putArray("rules").addObject();
    ObjectNode path = rule.putArray("matches").addObject().putObject("path");
    path.put("type", "PathPrefix");
    path.put("value", model.pathPrefix());
    ObjectNode rewrite = rule.putArray("filters").addObject();
    rewrite.put("type", "URLRewrite");
    ObjectNode rewritePath = rewrite.putObject("urlRewrite").putObject("path");
    rewritePath.put("type", "ReplacePrefixMatch");
    rewritePath.put("replacePrefixMatch", "/");
    ArrayNode backends = rule.putArray("backendRefs");
    ObjectNode backend = backends.addObject();
    backend.put("name", model.name() + "-predictor");
    backend.put("port", PREDICTOR_PORT);
    return route;
  }
}
