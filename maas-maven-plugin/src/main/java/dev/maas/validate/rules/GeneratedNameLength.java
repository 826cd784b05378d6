package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;

/**
 * Names the compiler makes by prefixing the platform's name fit Kubernetes' 63 characters; the
 * finding points at the spec name that makes one too long.
 */
@Rule(
    summary = "a name the compiler makes from the spec is longer than Kubernetes' 63 characters",
    inputs = {"/metadata", "/spec/models", "/spec/environments", "/spec/gitops"})
public final class GeneratedNameLength implements SemanticRule {

  /** The longest Kubernetes object name that is also a DNS label (Services, labels, routes). */
  public static final int MAX = 63;

  /** Fixed-suffix names, longest first; the schema keeps them short, this keeps it so. */
  private static final List<String[]> PLATFORM_NAMES =
      List.of(
          new String[] {"ConfigMap", "-token-service-config"},
          new String[] {"AuthPolicy", "-token-service-auth"},
          new String[] {"RateLimitPolicy", "-request-limits"},
          new String[] {"Deployment", "-token-service"},
          new String[] {"AuthPolicy", "-gateway-auth"},
          new String[] {"TokenRateLimitPolicy", "-token-limits"});

  @Override
  public void find(Platform platform, Findings findings) {
    String prefix = platform.name() + "-";
    for (String[] kindAndSuffix : PLATFORM_NAMES) {
      String name = platform.name() + kindAndSuffix[1];
      if (name.length() > MAX) {
        findings.at(
            "/metadata/name",
            "the "
                + kindAndSuffix[0]
                + " name `"
                + name
                + "` made from the platform name has "
                + name.length()
                + " characters; Kubernetes names have at most "
                + MAX,
            "shorten the platform name to at most "
                + (MAX - kindAndSuffix[1].length())
                + " characters");
        break;
      }
    }
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.servingKind() == Serving.PREDICTOR) {
        check(
            findings,
            "/spec/models/" + i + "/name",
            prefix,
            model.name(),
            "HTTPRoute",
            "predictor model",
            "model");
      }
    }
    if (findings.written("/spec/environments")) {
      for (int i = 0; i < platform.environments().size(); i++) {
        check(
            findings,
            "/spec/environments/" + i + "/name",
            prefix,
            platform.environments().get(i).name(),
            "Argo CD Application",
            "environment",
            "environment");
      }
    }
  }

  private void check(
      Findings findings,
      String pointer,
      String prefix,
      String part,
      String kind,
      String what,
      String shortWhat) {
    String name = prefix + part;
    if (name.length() <= MAX) {
      return;
    }
    findings.at(
        pointer,
        "the "
            + kind
            + " name `"
            + name
            + "` made from this "
            + what
            + "'s name has "
            + name.length()
            + " characters; Kubernetes names have at most "
            + MAX,
        "shorten the "
            + shortWhat
            + " name to at most "
            + (MAX - prefix.length())
            + " characters (the prefix `"
            + prefix
            + "` takes "
            + prefix.length()
            + ")");
  }
}
