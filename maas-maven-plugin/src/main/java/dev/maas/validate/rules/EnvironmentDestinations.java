package dev.maas.validate.rules;

import dev.maas.model.Destination;
import dev.maas.model.Environment;
import dev.maas.model.Environments;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;
import java.util.Map;

/**
 * No two environments deploy to one destination. Every environment renders the same objects under
 * the same names and namespaces, so two Applications on one cluster would both manage them and,
 * with automated sync and self-heal, overwrite each other on every sync (Argo CD only raises
 * SharedResourceWarning: argo-cd v3.5.1 controller/state.go). Servers compare as Argo CD does,
 * without a trailing '/' (util/argo/argo.go GetDestinationServer); two fleets collide unless some
 * label key asks for different values, since one cluster could carry both label sets.
 */
@Rule(
    summary = "two environments deploy to the same cluster and namespace",
    inputs = {"/metadata", "/spec/environments", "/spec/gitops"})
public final class EnvironmentDestinations implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    if (platform.gitops() == null) {
      return; // no Argo CD objects, so nothing deploys anywhere
    }
    List<Environment> environments = platform.environments();
    for (int i = 0; i < environments.size(); i++) {
      Destination mine = Environments.destination(platform, environments.get(i));
      for (int j = 0; j < i; j++) {
        Destination theirs = Environments.destination(platform, environments.get(j));
        // Two environments of one name are UniqueEnvironmentNames' error already.
        boolean sameName = environments.get(i).name().equals(environments.get(j).name());
        if (!sameName && collide(mine, theirs)) {
          String pointer = pointer(environments.get(i), i);
          String other = pointer(environments.get(j), j);
          findings.at(
              pointer,
              "environment `"
                  + environments.get(i).name()
                  + "` deploys to "
                  + mine.describe()
                  + ", as environment `"
                  + environments.get(j).name()
                  + "` does ("
                  + other
                  + ", line "
                  + findings.document().locate(other).line()
                  + "); both would manage the same objects there and overwrite each other on every sync",
              "give each environment its own destination (server, name or clusterSelector), or drop"
                  + " `destination` from both to use the Argo CD clusters named after the environments");
          break;
        }
      }
    }
  }

  private static String pointer(Environment environment, int index) {
    String base = "/spec/environments/" + index;
    return environment.destination() != null ? base + "/destination" : base + "/name";
  }

  static boolean collide(Destination a, Destination b) {
    if (a.fleet() || b.fleet()) {
      return a.fleet() && b.fleet() && compatible(a.clusterLabels(), b.clusterLabels());
    }
    if (a.server() != null && b.server() != null) {
      return trim(a.server()).equals(trim(b.server()));
    }
    return a.name() != null && a.name().equals(b.name());
  }

  /** Whether one cluster's labels could satisfy both selectors: no key asks for two values. */
  private static boolean compatible(Map<String, String> a, Map<String, String> b) {
    return a.entrySet().stream()
        .noneMatch(e -> b.containsKey(e.getKey()) && !b.get(e.getKey()).equals(e.getValue()));
  }

  private static String trim(String server) {
    String trimmed = server;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
