package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.TokenService;
import dev.maas.model.Window;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Token lifetimes are positive and the default is no longer than the maximum; an API key's maximum
 * is positive and at most a year, so a leaked key that nobody revokes still ends.
 */
@Rule(
    summary =
        "a token or API key lifetime of zero, a default above the maximum, or an API key over a year",
    inputs = "/spec/tokens")
public final class TokenLifetimes implements SemanticRule {

  /** A year: the longest an API key may live. */
  private static final long MAX_API_KEY_MILLIS = 8760L * 3600 * 1000;

  @Override
  public void find(Platform platform, Findings findings) {
    TokenService tokens = platform.tokens();
    if (!Window.isValid(tokens.defaultTTL()) || !Window.isValid(tokens.maxTTL())) {
      return;
    }
    long defaultMillis = Window.parse(tokens.defaultTTL()).millis();
    long maxMillis = Window.parse(tokens.maxTTL()).millis();
    if (defaultMillis == 0) {
      zero(findings, "defaultTTL", tokens.defaultTTL(), "4h");
    }
    if (maxMillis == 0) {
      zero(findings, "maxTTL", tokens.maxTTL(), "720h");
    }
    if (tokens.apiKeyMaxTTL() != null && Window.isValid(tokens.apiKeyMaxTTL())) {
      long keyMillis = Window.parse(tokens.apiKeyMaxTTL()).millis();
      String pointer = "/spec/tokens/apiKeyMaxTTL";
      if (findings.written(pointer) && keyMillis == 0) {
        findings.at(
            pointer,
            "apiKeyMaxTTL `"
                + tokens.apiKeyMaxTTL()
                + "` is zero, so API keys would expire as they are created",
            "use a positive duration such as `2160h`");
      } else if (findings.written(pointer) && keyMillis > MAX_API_KEY_MILLIS) {
        findings.at(
            pointer,
            "apiKeyMaxTTL `"
                + tokens.apiKeyMaxTTL()
                + "` is longer than a year (8760h), so a leaked key nobody"
                + " revokes would stay valid that long",
            "use at most `8760h`; keys can be created again before they expire");
      }
    }
    if (defaultMillis > 0 && maxMillis > 0 && defaultMillis > maxMillis) {
      String pointer = "/spec/tokens/defaultTTL";
      findings.at(
          pointer,
          "defaultTTL `"
              + tokens.defaultTTL()
              + "` is longer than maxTTL `"
              + tokens.maxTTL()
              + "`, so a token asked for without a lifetime would be refused",
          "make defaultTTL at most maxTTL, or raise maxTTL");
    }
  }

  private static void zero(Findings findings, String field, String value, String example) {
    findings.at(
        "/spec/tokens/" + field,
        field + " `" + value + "` is zero, so tokens would expire as they are issued",
        "use a positive duration such as `" + example + "`");
  }
}
