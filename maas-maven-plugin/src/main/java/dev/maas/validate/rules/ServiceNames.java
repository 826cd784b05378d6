package dev.maas.validate.rules;

import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Names that begin a Service's name start with a letter. A DNS-1123 label such as {@code 010} is a
 * valid platform or model name, but the Services made from it ({@code 010-token-service}, KServe's
 * {@code <model>-predictor}, the internal Gateway's {@code <gateway>-internal}) must be DNS-1035
 * labels, which Kubernetes refuses to start with a digit.
 */
@Rule(
    summary = "a name that begins a Service's name starts with a digit",
    inputs = {"/metadata", "/spec/gateway", "/spec/models"})
public final class ServiceNames implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    check(
        findings,
        "/metadata/name",
        platform.name(),
        "platform",
        platform.name() + "-token-service");
    check(
        findings,
        "/spec/gateway/name",
        platform.gateway().name(),
        "gateway",
        ModelRouting.internalGatewayName(platform));
    for (int i = 0; i < platform.models().size(); i++) {
      String model = platform.models().get(i).name();
      check(
          findings,
          "/spec/models/" + i + "/name",
          model,
          "model",
          "KServe's Services of the model");
    }
  }

  private void check(Findings findings, String pointer, String name, String what, String service) {
    if (name.isEmpty() || (name.charAt(0) >= 'a' && name.charAt(0) <= 'z')) {
      return;
    }
    String named = service.startsWith("KServe") ? service : "the Service `" + service + "`";
    findings.at(
        pointer,
        "the "
            + what
            + " name `"
            + name
            + "` starts with a digit, but it begins "
            + named
            + ", and Kubernetes Service names must start with a"
            + " letter (DNS-1035)",
        "start the name with a letter, e.g. `" + what.charAt(0) + name + "`");
  }
}
