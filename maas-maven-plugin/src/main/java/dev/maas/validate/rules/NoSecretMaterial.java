package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SecretDetector;
import dev.maas.validate.SemanticRule;
import java.util.Optional;

/**
 * No value of the spec holds secret material: the spec is committed to Git and copied into the
 * output. The finding names the kind of secret and where it is, never the value itself.
 */
@Rule(
    summary = "a value of the spec holds secret material",
    inputs = {})
public final class NoSecretMaterial implements SemanticRule {

  /**
   * Reads the document's values, never the model, so it declares no inputs and runs whatever else
   * is wrong.
   */
  @Override
  public void find(Platform platform, Findings findings) {
    walk(findings.document().root(), findings);
  }

  private void walk(YamlNode node, Findings findings) {
    if (node instanceof YamlNode.Mapping mapping) {
      mapping.entries().values().forEach(entry -> walk(entry.value(), findings));
    } else if (node instanceof YamlNode.Sequence sequence) {
      sequence.items().forEach(item -> walk(item, findings));
    } else if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
      Optional<String> kind = SecretDetector.find(text);
      kind.ifPresent(
          k ->
              findings.at(
                  scalar.pointer(),
                  "this value looks like "
                      + k
                      + "; secrets never belong in a spec, which is committed to Git",
                  "put the secret in a Kubernetes Secret and name that Secret instead (as tokens.signingKeySecret, "
                      + "gateway.tls.secretName and limitador.storage.redis.secretName do); for Git credentials use "
                      + "the publisher's credentials, never the URL"));
    }
  }
}
