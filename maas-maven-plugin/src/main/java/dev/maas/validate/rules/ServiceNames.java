package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Names that begin a Service's name start with a letter. A DNS-1123 label such as {@code 010} is a valid
 * platform or model name, but the Services made from it ({@code 010-token-service}, KServe's
 * {@code <model>-predictor}) must be DNS-1035 labels, which Kubernetes refuses to start with a digit.
 */
@Rule(summary = "a name that begins a Service's name starts with a digit",
    inputs = {"/metadata", "/spec/models"})
public final class ServiceNames implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    check(out, document, "/metadata/name", platform.name(), "platform", platform.name() + "-token-service");
    for (int i = 0; i < platform.models().size(); i++) {
      String model = platform.models().get(i).name();
      check(out, document, "/spec/models/" + i + "/name", model, "model", "KServe's Services of the model");
    }
    return out;
  }

  private void check(List<Diagnostic> out, SpecDocument document, String pointer, String name, String what,
      String service) {
    if (name.isEmpty() || (name.charAt(0) >= 'a' && name.charAt(0) <= 'z')) {
      return;
    }
    String named = service.startsWith("KServe") ? service : "the Service `" + service + "`";
    out.add(Diagnostic.error(code(), document.locate(pointer), pointer, "the " + what + " name `" + name
        + "` starts with a digit, but it begins " + named + ", and Kubernetes Service names must start with a"
        + " letter (DNS-1035)", "start the name with a letter, e.g. `" + (what.equals("platform") ? "p" : "m")
        + name + "`"));
  }
}
