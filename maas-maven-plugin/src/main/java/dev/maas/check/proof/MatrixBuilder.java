package dev.maas.check.proof;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the access matrix of a rendered tree by evaluating its policies for every tier and model.
 */
public final class MatrixBuilder {

  /** The user every synthetic request is made by. */
  public static final String USER = "proof-user";

  private MatrixBuilder() {}

  /**
   * The inference request a tier's user makes to a model at {@code path}, e.g. {@code
   * /<ns>/<model>/v1/chat/completions}.
   */
  public static SyntheticRequest inference(String path, String tier, String audience) {
    return SyntheticRequest.withToken("POST", path, tier, USER, audience);
  }

  /**
   * The same inference request made with an API key of the tier, live or revoked (see
   * SyntheticRequest#withApiKey).
   */
  public static SyntheticRequest apiKeyInference(String path, String tier, boolean live) {
    return SyntheticRequest.withApiKey("POST", path, tier, USER, live);
  }

  /** The model listing a tier's user asks for: {@code GET /v1/models}. */
  public static SyntheticRequest listing(String tier, String audience) {
    return SyntheticRequest.withToken("GET", PolicyProof.LISTING_PATH, tier, USER, audience);
  }

  /** The matrix of a rendered tree whose tiers and models are those of its token-service config. */
  public static AccessMatrix build(GatewayObjects objects, Catalog catalog) {
    PolicyEvaluator evaluator = new PolicyEvaluator(objects, catalog.issuer());
    List<String> tiers = catalog.tiers().stream().map(Catalog.TierEntry::name).toList();
    Map<String, String> models = new LinkedHashMap<>();
    catalog.models().forEach(m -> models.put(m.name(), m.inferencePath()));
    return build(evaluator, catalog.platform(), tiers, models, catalog.audience());
  }

  /**
   * The matrix for {@code tiers} × {@code models}.
   *
   * @param models model name → the path a call of it goes to on the gateway
   */
  public static AccessMatrix build(
      PolicyEvaluator evaluator,
      String platform,
      List<String> tiers,
      Map<String, String> models,
      String audience) {
    Map<String, Map<String, AccessMatrix.Cell>> cells = new LinkedHashMap<>();
    Map<String, AccessMatrix.Cell> listing = new LinkedHashMap<>();
    int evaluated = 0;
    for (String tier : tiers) {
      Map<String, AccessMatrix.Cell> row = new LinkedHashMap<>();
      for (Map.Entry<String, String> model : models.entrySet()) {
        row.put(
            model.getKey(),
            AccessMatrix.Cell.of(evaluator.evaluate(inference(model.getValue(), tier, audience))));
        evaluated++;
      }
      cells.put(tier, row);
      listing.put(tier, AccessMatrix.Cell.of(evaluator.evaluate(listing(tier, audience))));
      evaluated++;
    }
    return new AccessMatrix(
        platform, tiers, List.copyOf(models.keySet()), cells, listing, evaluated);
  }
}
