package dev.maas.render.policy;

import dev.maas.model.ModelLimits;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.tokenservice.config.LimitName;
import java.util.List;

/** The two things a tier limits: requests (RateLimitPolicy) and tokens (TokenRateLimitPolicy). */
public enum LimitKind {
  /** Requests counted one by one. */
  REQUESTS(LimitName.REQUESTS, "kuadrant.io/v1", "RateLimitPolicy", "-request-limits"),
  /** Tokens counted from the responses' usage. */
  TOKENS(LimitName.TOKENS, "kuadrant.io/v1alpha1", "TokenRateLimitPolicy", "-token-limits");

  private final String word;
  private final String apiVersion;
  private final String policyKind;
  private final String policySuffix;

  LimitKind(String word, String apiVersion, String policyKind, String policySuffix) {
    this.word = word;
    this.apiVersion = apiVersion;
    this.policyKind = policyKind;
    this.policySuffix = policySuffix;
  }

  /** The word in limit keys: {@code <tier>-requests}, {@code <tier>-<model>-tokens}. */
  public String word() {
    return word;
  }

  /** The policy's apiVersion. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The policy's kind. */
  public String policyKind() {
    return policyKind;
  }

  /** The policy's name for a platform. */
  public String policyName(String platform) {
    return platform + policySuffix;
  }

  /** The tier's general rates of this kind. */
  public List<Rate> tierRates(Tier tier) {
    return this == REQUESTS ? tier.limits().requests() : tier.limits().tokens();
  }

  /** A model's cap of this kind, or an empty list when the model has none. */
  public List<Rate> capRates(dev.maas.model.Model model) {
    ModelLimits cap = model.cap();
    List<Rate> rates = cap == null ? null : this == REQUESTS ? cap.requests() : cap.tokens();
    return rates == null ? List.of() : rates;
  }

  /** The key of a model's cap: {@code model.<name>.<kind>} ({@link LimitName#cap}). */
  public String capKey(String model) {
    return LimitName.cap(model, word);
  }

  /** A per-model override of this kind, or {@code null} when the model keeps the tier's rates. */
  public List<Rate> overrideRates(ModelLimits limits) {
    if (limits == null) {
      return null;
    }
    return this == REQUESTS ? limits.requests() : limits.tokens();
  }
}
