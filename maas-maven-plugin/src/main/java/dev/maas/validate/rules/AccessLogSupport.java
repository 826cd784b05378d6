package dev.maas.validate.rules;

import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Access logs are written as an Istio Telemetry, which only an Istio gateway reads, and carry the
 * identity that the platform's own gateway AuthPolicy puts on each request, which the {@code
 * maas-crds} target leaves to upstream MaaS.
 */
@Rule(
    summary = "access logs on a gateway class without Istio's telemetry API, or for maas-crds",
    inputs = {"/spec/observability/logs", "/spec/gateway/className", "/spec/target"})
public final class AccessLogSupport implements SemanticRule {

  private static final String ENABLED = "/spec/observability/logs/enabled";

  @Override
  public void find(Platform platform, Findings findings) {
    if (platform.observability() == null || platform.observability().logs() == null) {
      return;
    }
    String className = platform.gateway().className();
    if (!AccessLogs.ISTIO_GATEWAY_CLASSES.contains(className)) {
      findings.at(
          ENABLED,
          "access logs are written as an Istio Telemetry, but gateway class `"
              + className
              + "` is not one the compiler knows to be Istio ("
              + String.join(", ", AccessLogs.ISTIO_GATEWAY_CLASSES.stream().sorted().toList())
              + ")",
          "use gateway class `istio`, or set `enabled: false` and configure the gateway's access"
              + " logs by hand");
    }
    if (platform.target() == Target.MAAS_CRDS) {
      findings.at(
          ENABLED,
          "target `maas-crds` leaves the gateway AuthPolicy to upstream MaaS, so the compiler"
              + " cannot put the caller's user and tier on the requests it would log",
          "use upstream MaaS's usage logs with this target, or set `enabled: false`");
    }
  }
}
