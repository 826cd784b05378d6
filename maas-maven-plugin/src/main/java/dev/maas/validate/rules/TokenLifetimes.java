package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.TokenService;
import dev.maas.model.Window;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Token lifetimes are positive and the default is no longer than the maximum; an API key's maximum is positive and at
 * most a year, so a leaked key that nobody revokes still ends.
 */
public final class TokenLifetimes implements SemanticRule {

  /** A year: the longest an API key may live. */
  private static final long MAX_API_KEY_MILLIS = 8760L * 3600 * 1000;

  @Override
  public String code() {
    return "semantic.tokenTtl";
  }

  @Override
  public List<String> inputs() {
    return List.of("/spec/tokens");
  }

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
    if (tokens.apiKeyMaxTTL() != null && Window.isValid(tokens.apiKeyMaxTTL())) {
      long keyMillis = Window.parse(tokens.apiKeyMaxTTL()).millis();
      String pointer = "/spec/tokens/apiKeyMaxTTL";
      if (document.find(pointer) != null && keyMillis == 0) {
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "apiKeyMaxTTL `" + tokens.apiKeyMaxTTL() + "` is zero, so API keys would expire as they are created",
            "use a positive duration such as `2160h`"));
      } else if (document.find(pointer) != null && keyMillis > MAX_API_KEY_MILLIS) {
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "apiKeyMaxTTL `" + tokens.apiKeyMaxTTL() + "` is longer than a year (8760h), so a leaked key nobody"
                + " revokes would stay valid that long",
            "use at most `8760h`; keys can be created again before they expire"));
      }
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
