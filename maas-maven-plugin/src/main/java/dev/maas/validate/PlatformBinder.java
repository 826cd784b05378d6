package dev.maas.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.AccessLogs;
import dev.maas.model.Attribution;
import dev.maas.model.Autoscaling;
import dev.maas.model.Credentials;
import dev.maas.model.Destination;
import dev.maas.model.Environment;
import dev.maas.model.Gateway;
import dev.maas.model.GitOps;
import dev.maas.model.Limitador;
import dev.maas.model.Limits;
import dev.maas.model.Model;
import dev.maas.model.ModelLimits;
import dev.maas.model.ModelOverride;
import dev.maas.model.Observability;
import dev.maas.model.Parallelism;
import dev.maas.model.Platform;
import dev.maas.model.Pricing;
import dev.maas.model.Rate;
import dev.maas.model.Resources;
import dev.maas.model.Target;
import dev.maas.model.Tier;
import dev.maas.model.TokenService;
import dev.maas.model.TokenStateStore;
import dev.maas.model.UserAuth;
import dev.maas.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds a schema-valid spec tree to the immutable {@link Platform} model, applying defaults. */
public final class PlatformBinder {

  private PlatformBinder() {}

  /** The platform a schema-valid document describes. */
  public static Platform bind(SpecDocument document) {
    JsonNode root = document.toJson();
    JsonNode spec = root.path("spec");
    JsonNode gw = spec.path("gateway");
    Gateway gateway =
        new Gateway(
            text(gw, "name"),
            text(gw, "namespace"),
            text(gw, "className"),
            text(gw, "hostname"),
            text(gw.path("tls"), "secretName"));
    JsonNode users = spec.path("auth").path("users");
    JsonNode oidc = users.path("oidc");
    UserAuth auth =
        new UserAuth(
            users.has("kubernetes") ? strings(users.path("kubernetes").path("audiences")) : null,
            text(oidc, "issuerUrl"),
            strings(oidc.path("audiences")),
            text(oidc, "groupsClaim"),
            text(oidc, "usernameClaim"),
            text(oidc, "clientId"));
    JsonNode tk = spec.path("tokens");
    TokenService tokens =
        new TokenService(
            text(tk, "namespace"),
            text(tk, "defaultTTL"),
            text(tk, "maxTTL"),
            text(tk, "signingKeySecret"),
            tk.path("replicas").asInt(0),
            text(tk, "image"),
            text(tk, "apiKeyMaxTTL"),
            tk.has("state")
                ? new TokenStateStore(
                    text(tk.path("state"), "backend"),
                    text(tk.path("state").path("redis"), "url"),
                    text(tk.path("state").path("redis"), "credentialsSecret"))
                : null);
    List<Tier> tiers = new ArrayList<>();
    for (JsonNode t : spec.path("tiers")) {
      Map<String, ModelLimits> modelLimits = new LinkedHashMap<>();
      t.path("modelLimits")
          .fields()
          .forEachRemaining(
              e ->
                  modelLimits.put(
                      e.getKey(),
                      new ModelLimits(
                          ratesOrNull(e.getValue().get("requests")),
                          ratesOrNull(e.getValue().get("tokens")))));
      JsonNode l = t.path("limits");
      Limits limits =
          t.has("limits")
              ? new Limits(rates(l.path("requests")), rates(l.path("tokens")), text(l, "counter"))
              : null;
      tiers.add(
          new Tier(
              text(t, "name"),
              text(t, "displayName"),
              text(t, "description"),
              t.path("level").asInt(),
              strings(t.path("groups")),
              t.has("models") ? strings(t.path("models")) : null,
              limits,
              t.path("unlimited").asBoolean(false),
              modelLimits,
              new Attribution(
                  text(t, "costCenter"),
                  labels(t.path("labels")),
                  decimal(t.path("budget").get("monthly")))));
    }
    List<Model> models = new ArrayList<>();
    for (JsonNode m : spec.path("models")) {
      models.add(
          new Model(
              text(m, "name"),
              text(m, "namespace"),
              text(m, "displayName"),
              text(m, "description"),
              text(m, "serving"),
              text(m, "uri"),
              credentials(m.get("credentials")),
              text(m, "modelFormat"),
              intOrNull(m.get("replicas")),
              autoscaling(m.get("autoscaling")),
              resources(m.get("resources")),
              parallelism(m.get("parallelism")),
              pricing(m.get("pricing")),
              m.has("limits")
                  ? new ModelLimits(
                      ratesOrNull(m.path("limits").get("requests")),
                      ratesOrNull(m.path("limits").get("tokens")))
                  : null));
    }
    JsonNode lim = spec.path("limitador");
    Limitador limitador =
        new Limitador(
            text(lim, "namespace"),
            lim.path("replicas").asInt(1),
            text(lim.path("storage").path("redis"), "secretName"),
            text(lim.path("storage").path("disk"), "size"));
    JsonNode obs = spec.path("observability");
    Observability observability =
        new Observability(
            obs.path("metrics").asBoolean(true),
            obs.path("dashboards").asBoolean(true),
            !obs.has("alerts") || !obs.path("alerts").isNull(),
            obs.path("alerts").path("tokenUsageWarnPercent").asInt(80),
            text(obs.path("prometheus"), "namespace"),
            labels(obs.path("prometheus").path("podLabels")),
            accessLogs(obs.path("logs")));
    List<Environment> environments = new ArrayList<>();
    for (JsonNode e : spec.path("environments")) {
      Map<String, ModelOverride> overrides = new LinkedHashMap<>();
      e.path("models")
          .fields()
          .forEachRemaining(
              o ->
                  overrides.put(
                      o.getKey(),
                      new ModelOverride(
                          intOrNull(o.getValue().get("replicas")),
                          autoscaling(o.getValue().get("autoscaling")),
                          resources(o.getValue().get("resources")))));
      environments.add(
          new Environment(
              text(e, "name"),
              text(e.path("gateway"), "hostname"),
              overrides,
              destination(e.get("destination")),
              e.has("production") ? e.path("production").asBoolean() : null));
    }
    if (environments.isEmpty()) {
      // A spec without environments still gets one overlay, so that the output layout never changes
      // shape.
      environments.add(new Environment("default", null, Map.of()));
    }
    JsonNode g = spec.path("gitops");
    JsonNode argo = g.path("argocd");
    GitOps gitops =
        spec.has("gitops")
            ? new GitOps(
                text(g, "repoURL"),
                g.path("branch").asText("main"),
                text(g, "path"),
                argo.path("namespace").asText("argocd"),
                argo.path("project").asText(root.path("metadata").path("name").asText()),
                argo.path("destinationServer").asText(GitOps.IN_CLUSTER),
                argo.path("automated").asBoolean(true),
                argo.path("prune").asBoolean(true),
                argo.path("selfHeal").asBoolean(true))
            : null;
    return new Platform(
        root.path("metadata").path("name").asText(),
        document.displayName(),
        document.contentHash(),
        gateway,
        auth,
        tokens,
        tiers,
        models,
        limitador,
        observability,
        environments,
        gitops,
        Target.of(text(spec, "target")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer intOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asInt();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<Rate> rates(JsonNode array) {
    List<Rate> out = new ArrayList<>();
    array.forEach(r -> out.add(new Rate(r.path("limit").asLong(), r.path("window").asText())));
    return out;
  }

  private static List<Rate> ratesOrNull(JsonNode array) {
    return array == null || array.isNull() ? null : rates(array);
  }

  private static java.math.BigDecimal decimal(JsonNode number) {
    return number == null || !number.isNumber() ? null : number.decimalValue();
  }

  private static Pricing pricing(JsonNode p) {
    return p == null || !p.isObject()
        ? null
        : new Pricing(
            text(p, "currency"),
            decimal(p.get("inputPerMillion")),
            decimal(p.get("outputPerMillion")));
  }

  private static Destination destination(JsonNode d) {
    if (d == null || d.isNull()) {
      return null;
    }
    return new Destination(
        text(d, "server"), text(d, "name"), labels(d.path("clusterSelector").path("matchLabels")));
  }

  private static Map<String, String> labels(JsonNode map) {
    Map<String, String> labels = new LinkedHashMap<>();
    map.fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
    return labels;
  }

  /** {@code observability.logs}, or {@code null} unless {@code enabled} is {@code true}. */
  private static AccessLogs accessLogs(JsonNode logs) {
    if (!logs.path("enabled").asBoolean(false)) {
      return null;
    }
    List<AccessLogs.ExportHeader> headers = new ArrayList<>();
    for (JsonNode h : logs.path("headers")) {
      headers.add(
          new AccessLogs.ExportHeader(text(h, "name"), text(h, "secretName"), text(h, "key")));
    }
    return new AccessLogs(text(logs, "lokiUrl"), text(logs, "otlpEndpoint"), headers);
  }

  private static Autoscaling autoscaling(JsonNode a) {
    return a == null || a.isNull()
        ? null
        : new Autoscaling(
            a.path("minReplicas").asInt(),
            a.path("maxReplicas").asInt(),
            a.path("metric").asText(),
            a.path("target").asInt());
  }

  private static Credentials credentials(JsonNode c) {
    return c == null || !c.isObject()
        ? null
        : new Credentials(text(c, "secretName"), text(c, "serviceAccountName"));
  }

  private static Parallelism parallelism(JsonNode p) {
    return p == null || !p.isObject()
        ? null
        : new Parallelism(p.path("tensor").asInt(1), p.path("pipeline").asInt(1));
  }

  private static Resources resources(JsonNode r) {
    return r == null || r.isNull()
        ? null
        : new Resources(text(r, "cpu"), text(r, "memory"), intOrNull(r.get("gpus")));
  }
}
