package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the compiler makes by prefixing the platform's name fit Kubernetes' 63 characters; the finding
 * points at the spec name that makes one too long.
 */
public final class GeneratedNameLength implements SemanticRule {

  /** The longest Kubernetes object name that is also a DNS label (Services, labels, routes). */
  public static final int MAX = 63;

  /** Fixed-suffix names, longest first; the schema keeps them short, this keeps it so. */
  private static final List<String[]> PLATFORM_NAMES = List.of(
      new String[] {"ConfigMap", "-token-service-config"},
      new String[] {"AuthPolicy", "-token-service-auth"},
      new String[] {"RateLimitPolicy", "-request-limits"},
      new String[] {"Deployment", "-token-service"},
      new String[] {"AuthPolicy", "-gateway-auth"},
      new String[] {"TokenRateLimitPolicy", "-token-limits"});

  @Override
  public String code() {
    return "semantic.nameTooLong";
  }

  @Override
  public List<String> inputs() {
    return List.of("/metadata", "/spec/models", "/spec/environments", "/spec/gitops");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    String prefix = platform.name() + "-";
    for (String[] kindAndSuffix : PLATFORM_NAMES) {
      String name = platform.name() + kindAndSuffix[1];
      if (name.length() > MAX) {
        out.add(Diagnostic.error(code(), document.locate("/metadata/name"), "/metadata/name",
            "the " + kindAndSuffix[0] + " name `" + name + "` made from the platform name has " + name.length()
                + " characters; Kubernetes names have at most " + MAX,
            "shorten the platform name to at most " + (MAX - kindAndSuffix[1].length()) + " characters"));
        break;
      }
    }
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.servingKind() == Serving.PREDICTOR) {
        check(out, document, "/spec/models/" + i + "/name", prefix, model.name(), "HTTPRoute",
            "predictor model", "model");
      }
    }
    if (document.find("/spec/environments") != null) {
      for (int i = 0; i < platform.environments().size(); i++) {
        check(out, document, "/spec/environments/" + i + "/name", prefix, platform.environments().get(i).name(),
            "Argo CD Application", "environment", "environment");
      }
    }
    return out;
  }

  private void check(List<Diagnostic> out, SpecDocument document, String pointer, String prefix, String part,
      String kind, String what, String shortWhat) {
    String name = prefix + part;
    if (name.length() <= MAX) {
      return;
    }
    out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
        "the " + kind + " name `" + name + "` made from this " + what + "'s name has " + name.length()
            + " characters; Kubernetes names have at most " + MAX,
        "shorten the " + shortWhat + " name to at most " + (MAX - prefix.length())
            + " characters (the prefix `" + prefix + "` takes " + prefix.length() + ")"));
  }
}
