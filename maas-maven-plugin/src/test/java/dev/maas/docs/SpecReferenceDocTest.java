package dev.maas.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.validate.PlatformSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/spec-reference.md is exactly what the schema renders to; run with {@code
 * -Dmaas.updateDocs=true} to rewrite it after a schema change.
 */
class SpecReferenceDocTest {

  private static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  @Test
  void committedReferenceMatchesTheSchema() throws IOException {
    String rendered = new SchemaReference(PlatformSchema.get().tree()).render();
    Path doc = repoRoot().resolve("docs/spec-reference.md");
    if (Boolean.getBoolean("maas.updateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, rendered, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(doc), doc + " is missing; run: " + SchemaReference.REGENERATE);
    String committed = Files.readString(doc, StandardCharsets.UTF_8);
    assertEquals(
        committed, rendered, "docs/spec-reference.md is stale; run: " + SchemaReference.REGENERATE);
  }

  @Test
  void renderingIsDeterministic() {
    JsonNode schema = PlatformSchema.get().tree();
    assertEquals(
        new SchemaReference(schema).render(), new SchemaReference(schema.deepCopy()).render());
  }

  @Test
  void everyContractPathHasASectionWithUniqueAnchor() {
    String rendered = new SchemaReference(PlatformSchema.get().tree()).render();
    Matcher headings = Pattern.compile("^## `([^`]+)`$", Pattern.MULTILINE).matcher(rendered);
    List<String> paths = new ArrayList<>();
    while (headings.find()) {
      paths.add(headings.group(1));
    }
    for (String path :
        List.of(
            "apiVersion",
            "metadata.name",
            "spec.gateway.tls.secretName",
            "spec.auth.users.oidc.issuerUrl",
            "spec.tokens.maxTTL",
            "spec.tiers[].level",
            "spec.tiers[].groups[]",
            "spec.tiers[].limits.requests[].window",
            "spec.tiers[].limits.counter",
            "spec.tiers[].modelLimits.<model>.tokens",
            "spec.models[].autoscaling.metric",
            "spec.models[].resources.memory",
            "spec.environments[].models.<model>.replicas",
            "spec.gitops.argocd.destinationServer",
            "spec.observability.alerts.tokenUsageWarnPercent")) {
      assertTrue(paths.contains(path), "a section for " + path + " in " + paths);
    }
    Set<String> anchors = new HashSet<>();
    for (String path : paths) {
      assertTrue(anchors.add(SchemaReference.anchor(path)), "anchor of " + path + " is unique");
      assertTrue(
          rendered.contains("](#" + SchemaReference.anchor(path) + ")"),
          "the contents link to " + path);
    }
  }

  @Test
  void sectionsShowTypeRequiredDefaultAndAllowedValues() {
    String rendered = new SchemaReference(PlatformSchema.get().tree()).render();
    String counter = section(rendered, "spec.tiers[].limits.counter");
    assertTrue(counter.contains("| Type | string |"), counter);
    assertTrue(counter.contains("| Required | no |"), counter);
    assertTrue(counter.contains("| Default | `user` |"), counter);
    assertTrue(counter.contains("| One of | `user`, `tier` |"), counter);
    assertTrue(counter.contains("- `tier`: all users of the tier share one bucket."), counter);
    String window = section(rendered, "spec.tiers[].limits.requests[].window");
    assertTrue(window.contains("| Required | yes |"), window);
    assertTrue(
        window.contains("| Pattern | `^([0-9]{1,5}(ms\\|s\\|m\\|h\\|d))+$` (explained below) |"),
        window);
    assertTrue(window.contains("```yaml\nwindow: 1m\n```"), window);
    String level = section(rendered, "spec.tiers[].level");
    assertTrue(
        level.contains("| Type | integer |") && level.contains("| Bounds | 0 to 1000000 |"), level);
  }

  private static String section(String rendered, String path) {
    int start = rendered.indexOf("## `" + path + "`\n");
    assertTrue(start >= 0, "a section for " + path);
    int end = rendered.indexOf("\n## ", start + 1);
    return rendered.substring(start, end < 0 ? rendered.length() : end);
  }
}
