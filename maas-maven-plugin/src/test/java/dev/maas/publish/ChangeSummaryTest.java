package dev.maas.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Object-level summaries and the commit message built from them. */
class ChangeSummaryTest {

  private static SortedMap<String, byte[]> files(Map<String, String> text) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    text.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static String object(String kind, String name, String body) {
    return "apiVersion: v1\nkind: "
        + kind
        + "\nmetadata:\n  name: "
        + name
        + "\n  namespace: ns\n"
        + body;
  }

  @Test
  void countsObjectsPerKindAcrossFiles() {
    SortedMap<String, byte[]> before =
        files(
            Map.of(
                "base/limits.yaml",
                    object("TokenRateLimitPolicy", "acme-token-limits", "spec: {a: 1}\n"),
                "base/gone.yaml", object("ConfigMap", "old", ""),
                "base/moved.yaml", object("ConfigMap", "moving", "data: {x: y}\n")));
    SortedMap<String, byte[]> after =
        files(
            Map.of(
                "base/limits.yaml",
                object("TokenRateLimitPolicy", "acme-token-limits", "spec: {a: 2}\n")
                    + "---\n"
                    + object("RateLimitPolicy", "acme-request-limits", ""),
                "base/moved-here.yaml",
                "# moved\n" + object("ConfigMap", "moving", "data: {x: y}\n"),
                "overlays/dev/patch.yaml",
                object("LLMInferenceService", "llama", "spec: {replicas: 0}\n"),
                "base/kustomization.yaml",
                "kind: Kustomization\nresources: []\n",
                "dashboards/maas.json",
                "{}"));
    ChangeSummary summary = ChangeSummary.between(before, after);
    assertEquals(7, summary.files().size(), summary.files().toString());
    List<String> lines = summary.objects().stream().map(ObjectChange::line).toList();
    assertEquals(
        List.of(
            "added LLMInferenceService llama [overlays/dev]",
            "added RateLimitPolicy acme-request-limits",
            "added file base/kustomization.yaml",
            "added file dashboards/maas.json",
            "changed TokenRateLimitPolicy acme-token-limits",
            "removed ConfigMap old"),
        lines);

    String message = CommitMessage.of("acme", summary, "sha256:" + "f".repeat(64), "1.2.3", null);
    assertTrue(
        message.startsWith(
            "maas: acme: 4 added, 1 changed, 1 removed\n\nadded LLMInferenceService"),
        message);
    assertTrue(
        message.endsWith(
            "\n\nMaas-Spec-Hash: sha256:" + "f".repeat(64) + "\nMaas-Plugin-Version: 1.2.3\n"),
        message);
  }

  @Test
  void formattingOnlyChangeStillNamesTheFile() {
    ChangeSummary summary =
        ChangeSummary.between(
            files(Map.of("base/a.yaml", object("ConfigMap", "a", ""))),
            files(Map.of("base/a.yaml", "# comment\n" + object("ConfigMap", "a", ""))));
    assertEquals(
        List.of("changed file base/a.yaml"),
        summary.objects().stream().map(ObjectChange::line).toList());
  }

  @Test
  void brokenYamlIsAFileNotAFailure() {
    ChangeSummary summary =
        ChangeSummary.between(files(Map.of()), files(Map.of("base/x.yaml", "kind: [unclosed")));
    assertEquals(
        List.of("added file base/x.yaml"),
        summary.objects().stream().map(ObjectChange::line).toList());
  }

  @Test
  void longListsAreCut() {
    SortedMap<String, byte[]> after = new TreeMap<>();
    for (int i = 0; i < CommitMessage.MAX_LINES + 7; i++) {
      after.put(
          "base/cm-" + i + ".yaml",
          object("ConfigMap", "cm-" + i, "").getBytes(StandardCharsets.UTF_8));
    }
    String message =
        CommitMessage.of("acme", ChangeSummary.between(new TreeMap<>(), after), "abc", "1", null);
    assertTrue(message.contains("\n... and 7 more\n"), message);
    assertTrue(message.contains("Maas-Spec-Hash: sha256:abc\n"), message);
  }
}
