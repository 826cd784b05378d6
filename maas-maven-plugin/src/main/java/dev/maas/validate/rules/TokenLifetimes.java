package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.TokenService;
import dev.maas.model.Window;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** Token lifetimes are positive and the default is no longer than the maximum. */
@Rule(summary = "a token lifetime of zero, or a default above the maximum",
    inputs = "/spec/tokens")
public final class TokenLifetimes implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    TokenService tokens = platform.tokens();
    if (!Window.isValid(tokens.defaultTTL()) || !Window.isValid(tokens.maxTTL())) {
      return out;
    }
    long defaultMillis = Window.parse(tokens.defaultTTL()).millis();
    long maxMillis = Window.parse(tokens.maxTTL()).millis();
    if (defaultMillis == 0) {
      out.add(zero(document, "defaultTTL", tokens.defaultTTL(), "4h"));
    }
    if (maxMillis == 0) {
      out.add(zero(document, "maxTTL", tokens.maxTTL(), "720h"));
    }
    if (defaultMillis > 0 && maxMillis > 0 && defaultMillis > maxMillis) {
      String pointer = "/spec/tokens/defaultTTL";
      out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
          "defaultTTL `" + tokens.defaultTTL() + "` is longer than maxTTL `" + tokens.maxTTL()
              + "`, so a token asked for without a lifetime would be refused",
          "make defaultTTL at most maxTTL, or raise maxTTL"));
    }
    return out;
  }

  private Diagnostic zero(SpecDocument document, String field, String value, String example) {
    String pointer = "/spec/tokens/" + field;
    return Diagnostic.error(code(), document.locate(pointer), pointer,
        field + " `" + value + "` is zero, so tokens would expire as they are issued",
        "use a positive duration such as `" + example + "`");
  }
}
