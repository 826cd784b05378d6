package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.TokenService;
import dev.maas.model.Window;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Token lifetimes are positive and the default is no longer than the maximum. */
@Rule(summary = "a token lifetime of zero, or a default above the maximum", inputs = "/spec/tokens")
public final class TokenLifetimes implements SemanticRule {

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
    if (defaultMillis > 0 && maxMillis > 0 && defaultMillis > maxMillis) {
      String pointer = "/spec/tokens/defaultTTL";
      findings.at(pointer,
          "defaultTTL `" + tokens.defaultTTL() + "` is longer than maxTTL `" + tokens.maxTTL()
              + "`, so a token asked for without a lifetime would be refused",
          "make defaultTTL at most maxTTL, or raise maxTTL");
    }
  }

  private static void zero(Findings findings, String field, String value, String example) {
    findings.at("/spec/tokens/" + field,
        field + " `" + value + "` is zero, so tokens would expire as they are issued",
        "use a positive duration such as `" + example + "`");
  }
}
