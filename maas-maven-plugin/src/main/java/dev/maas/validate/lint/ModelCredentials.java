package dev.maas.validate.lint;

import dev.maas.diag.Severity;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.Locale;
import java.util.Set;

/**
 * Models on storage that needs credentials name them: object stores ({@code s3://}, {@code gs://})
 * are private, and the Hugging Face organisations below gate their repositories behind a licence,
 * so a download without a token fails and the pod never starts.
 */
@Rule(summary = "a model on storage that needs credentials names none", severity = Severity.WARNING)
public final class ModelCredentials implements SemanticRule {

  /**
   * Hugging Face organisations whose model repositories are gated (a licence must be accepted with
   * a token).
   */
  static final Set<String> GATED_HF_ORGS =
      Set.of(
          "meta-llama",
          "mistralai",
          "google",
          "bigcode",
          "tiiuae",
          "stabilityai",
          "black-forest-labs");

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      String uri = model.uri();
      if (model.credentials() != null || uri == null) {
        continue;
      }
      String why = needsCredentials(uri);
      if (why != null) {
        String pointer = "/spec/models/" + i + "/uri";
        findings.at(
            pointer,
            "model `"
                + model.name()
                + "` loads from "
                + why
                + ", but names no credentials: the storage initializer's download fails and the model never starts",
            "add `credentials: {secretName: <Secret with "
                + (uri.startsWith("hf://") ? "HF_TOKEN" : "the storage keys")
                + ">}` (or `serviceAccountName`) to the model");
      }
    }
  }

  /** Why {@code uri} needs credentials, or {@code null}. */
  static String needsCredentials(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://") || lower.startsWith("gs://")) {
      return "a private object store (" + uri.substring(0, uri.indexOf(':')) + ")";
    }
    if (lower.startsWith("hf://")) {
      String rest = uri.substring("hf://".length());
      int slash = rest.indexOf('/');
      String org = slash < 0 ? rest : rest.substring(0, slash);
      if (GATED_HF_ORGS.contains(org.toLowerCase(Locale.ROOT))) {
        return "Hugging Face organisation `" + org + "`, whose repositories are gated";
      }
    }
    return null;
  }
}
