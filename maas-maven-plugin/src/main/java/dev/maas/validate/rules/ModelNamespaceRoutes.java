package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Model namespaces are the first path segment of the public model route: none may be one the
 * gateway already routes otherwise ({@code /v1/...} is the listing, {@code /maas-api/...} the token
 * service), and the route can match at most 126 of them (an HTTPRoute holds fewer than 128 matches,
 * one of them the listing's).
 */
@Rule(
    summary =
        "a model namespace the gateway already routes, or more namespaces than one route holds",
    inputs = "/spec/models")
public final class ModelNamespaceRoutes implements SemanticRule {

  /** First path segments the gateway routes to something other than a model. */
  static final Set<String> RESERVED = Set.of("v1", "v2", "maas-api", "publishers");

  /** Most model namespaces the public route matches. */
  static final int MAX_NAMESPACES = 126;

  @Override
  public void find(Platform platform, Findings findings) {
    Set<String> namespaces = new LinkedHashSet<>();
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      String pointer = "/spec/models/" + i + "/namespace";
      if (RESERVED.contains(model.namespace())) {
        findings.at(
            pointer,
            "namespace `"
                + model.namespace()
                + "` would put model `"
                + model.name()
                + "` at /"
                + model.namespace()
                + "/"
                + model.name()
                + ", a path the gateway routes elsewhere",
            "choose another namespace; reserved first path segments are "
                + String.join(", ", RESERVED.stream().sorted().toList()));
      }
      if (namespaces.add(model.namespace()) && namespaces.size() == MAX_NAMESPACES + 1) {
        findings.at(
            pointer,
            "model `"
                + model.name()
                + "` brings the platform to "
                + (MAX_NAMESPACES + 1)
                + " model namespaces; the public model route can"
                + " match at most "
                + MAX_NAMESPACES,
            "serve the models in fewer namespaces");
      }
    }
  }
}
