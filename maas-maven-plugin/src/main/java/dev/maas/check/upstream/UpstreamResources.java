package dev.maas.check.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.check.proof.GatewayObjects;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MaaSSubscriptions, MaaSAuthPolicies and MaaSModelRefs of a rendered tree, read as upstream's
 * maas-api reads them (maas-api/internal/subscription/selector.go {@code parseSubscription}, lines
 * 375-505, and maas-api/internal/authpolicy/checker.go {@code AuthorizedModels}, lines 53-90).
 *
 * @param subscriptions every MaaSSubscription
 * @param policies every MaaSAuthPolicy
 * @param modelRefs {@code namespace/name} of every MaaSModelRef
 */
record UpstreamResources(
    List<Subscription> subscriptions, List<AccessPolicy> policies, Set<String> modelRefs) {

  /**
   * One MaaSSubscription.
   *
   * @param models {@code namespace/name} of each model → its token limits as written
   * @param maxLimit the largest token limit of any model, upstream's second ordering key
   */
  record Subscription(
      String file,
      String namespace,
      String name,
      int priority,
      Set<String> groups,
      Set<String> users,
      Map<String, List<Limit>> models,
      long maxLimit) {

    /** {@code namespace/name}. */
    String qualifiedName() {
      return namespace + "/" + name;
    }

    /**
     * Whether the owner lists {@code user} or one of {@code groups} (selector.go {@code
     * userHasAccess}, lines 560-578).
     */
    boolean owns(String user, Collection<String> groups) {
      return users.contains(user)
          || groups.stream().map(String::trim).anyMatch(this.groups::contains);
    }
  }

  /** One token limit as written: {@code limit} tokens per {@code window}. */
  record Limit(long limit, String window) {}

  /** One MaaSAuthPolicy: the models it opens to its subjects. */
  record AccessPolicy(
      String file,
      String qualifiedName,
      Set<String> groups,
      Set<String> users,
      Set<String> models) {

    /**
     * Whether its subjects hold the caller (checker.go {@code policyMatchesSubject}: any user or
     * group, OR).
     */
    boolean admits(String user, Collection<String> groups) {
      return users.contains(user) || groups.stream().anyMatch(this.groups::contains);
    }
  }

  /** The resources of {@code tree}'s {@code base/} folder. */
  static UpstreamResources of(GeneratedTree tree) {
    GatewayObjects objects = GatewayObjects.of(tree);
    List<Subscription> subscriptions = new ArrayList<>();
    for (GatewayObjects.Located o : objects.ofKind("MaaSSubscription")) {
      JsonNode spec = o.body().path("spec");
      Map<String, List<Limit>> models = new LinkedHashMap<>();
      long max = 0;
      for (JsonNode ref : spec.path("modelRefs")) {
        List<Limit> limits = new ArrayList<>();
        for (JsonNode l : ref.path("tokenRateLimits")) {
          limits.add(new Limit(l.path("limit").asLong(), l.path("window").asText()));
          max = Math.max(max, l.path("limit").asLong());
        }
        models.putIfAbsent(key(ref), limits);
      }
      subscriptions.add(
          new Subscription(
              o.file(),
              o.namespace(),
              o.name(),
              spec.path("priority").asInt(0),
              names(spec.path("owner").path("groups")),
              strings(spec.path("owner").path("users")),
              models,
              max));
    }
    List<AccessPolicy> policies = new ArrayList<>();
    for (GatewayObjects.Located o : objects.ofKind("MaaSAuthPolicy")) {
      JsonNode spec = o.body().path("spec");
      Set<String> models = new LinkedHashSet<>();
      spec.path("modelRefs").forEach(ref -> models.add(key(ref)));
      policies.add(
          new AccessPolicy(
              o.file(),
              o.namespace() + "/" + o.name(),
              names(spec.path("subjects").path("groups")),
              strings(spec.path("subjects").path("users")),
              models));
    }
    Set<String> refs = new LinkedHashSet<>();
    objects.ofKind("MaaSModelRef").forEach(o -> refs.add(o.namespace() + "/" + o.name()));
    return new UpstreamResources(subscriptions, policies, refs);
  }

  private static String key(JsonNode ref) {
    return ref.path("namespace").asText() + "/" + ref.path("name").asText();
  }

  private static Set<String> names(JsonNode groups) {
    Set<String> out = new LinkedHashSet<>();
    groups.forEach(g -> out.add(g.path("name").asText()));
    return out;
  }

  private static Set<String> strings(JsonNode list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(s -> out.add(s.asText().trim()));
    return out;
  }
}
