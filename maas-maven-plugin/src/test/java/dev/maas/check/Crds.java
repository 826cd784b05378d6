package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.validate.Rendered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The shared CRD folder, loaded once for all tests, and a short way to validate YAML text. */
final class Crds {

  static final Path DIR = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** An AuthPolicy whose target is a Service, which the AuthPolicy CRD's CEL rule refuses. */
  static final String AUTH_POLICY_ON_A_SERVICE =
      """
      apiVersion: kuadrant.io/v1
      kind: AuthPolicy
      metadata: {name: granite-auth, namespace: llm}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Service, name: granite-8b}
        rules: {authentication: {anonymous: {anonymous: {}}}}
      """;

  private Crds() {}

  static CrdCatalog catalog() {
    try {
      return CrdCatalog.cached(DIR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every finding about one object, rendered as the user sees it. */
  static List<String> check(String yaml) {
    return new CrdValidator(catalog())
        .validate(parse(yaml), "obj.yaml").stream().map(Rendered::withoutCode).toList();
  }
}
