package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Platform;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import dev.maas.tokenservice.config.LimitName;
import java.util.List;

/**
 * Generates the RateLimitPolicy of the token service's route: every credential path (minting
 * tokens, listing and revoking them) is rate-limited per caller, so that a stolen person's
 * credential cannot mint tokens without bound. The caller is the {@code userid} the route's
 * AuthPolicy passes on for every credential it accepts.
 */
@EnvironmentInvariant(reads = "the platform's name and the token service's namespace")
public final class TokenServiceLimitGenerator implements Generator {

  /** Calls of the token service one caller may make per {@link #WINDOW}. */
  public static final int CALLS_PER_WINDOW = 30;

  /** The limit's key, which Kuadrant makes the Limitador limit's name. */
  public static final String LIMIT_KEY = LimitName.API;

  /** The window of {@link #CALLS_PER_WINDOW}. */
  public static final String WINDOW = "1m";

  /** The policy's name. */
  public static String policyName(Platform platform) {
    return TokenServiceEndpoints.name(platform) + "-limits";
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    KubeObject policy =
        Manifests.object(
            LimitKind.REQUESTS.apiVersion(),
            LimitKind.REQUESTS.policyKind(),
            policyName(platform),
            platform.tokens().namespace());
    ObjectNode spec = Manifests.spec(policy);
    spec.set("targetRef", Manifests.routeTarget(TokenServiceEndpoints.name(platform)));
    ObjectNode limit = spec.putObject("limits").putObject(LIMIT_KEY);
    ObjectNode rate = limit.putArray("rates").addObject();
    rate.put("limit", CALLS_PER_WINDOW);
    rate.put("window", WINDOW);
    limit.putArray("counters").addObject().put("expression", Predicates.USER_ID);
    return List.of(policy);
  }
}
