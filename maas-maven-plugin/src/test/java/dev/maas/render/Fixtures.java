package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Yaml;
import dev.maas.testing.BoundSpecs;
import dev.maas.validate.SpecValidator;
import java.nio.file.Path;
import java.util.List;

/** The reference spec and its rendering, shared by the render tests. */
final class Fixtures {

  /** The version provenance names in tests, so goldens do not change with the project version. */
  static final String VERSION = "test";

  private Fixtures() {}

  static Path repoRoot() {
    return BoundSpecs.repoRoot();
  }

  /** The reference spec, validated and bound. */
  static Platform acme() {
    return BoundSpecs.acme();
  }

  /**
   * The reference spec less what upstream MaaS's CRDs cannot express, for the {@code maas-crds}
   * target.
   */
  static Platform acmeForMaasCrds() {
    String spec = "maas-maven-plugin/src/test/resources/targets/acme-maas-crds.yaml";
    SpecValidator.Outcome outcome = new SpecValidator().validate(repoRoot().resolve(spec), spec);
    assertEquals(List.of(), outcome.diagnostics().stream().map(d -> d.render()).toList());
    return BoundSpecs.platform(outcome);
  }

  static GeneratedTree render(Platform platform) {
    return new PlatformRenderer(new RenderOptions(null, VERSION)).render(platform);
  }

  /** The one object in {@code path} of {@code tree}. */
  static JsonNode object(GeneratedTree tree, String path) {
    String text = tree.text(path);
    assertNotNull(text, () -> "no file " + path + " in " + tree.files().keySet());
    return Yaml.read(text);
  }

  /**
   * Asserts that the object of {@code metadata} carries maas's labels for platform acme and names
   * the reference spec; {@code what} names it in failures.
   */
  static void assertAcmeProvenance(JsonNode metadata, String what) {
    assertEquals(
        "maas", metadata.path("labels").path("app.kubernetes.io/managed-by").asText(), what);
    assertEquals("acme", metadata.path("labels").path("app.kubernetes.io/part-of").asText(), what);
    assertEquals(
        "platform-specs/acme.yaml",
        metadata.path("annotations").path("maas.dev/spec").asText(),
        what);
  }
}
