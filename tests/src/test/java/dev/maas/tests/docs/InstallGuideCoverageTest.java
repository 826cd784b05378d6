package dev.maas.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.e2e.guide.InstallGuide;
import dev.maas.e2e.guide.InstallOutcomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster steps of docs/install.md against the opt-in test that runs them on k3s
 * (InstallGuideE2eTest, tests/e2e): its extractor finds every {@code sh} block the docs test sees,
 * and every {@code needs=cluster} block has an outcome that test checks. Adding a cluster block to
 * the page without one fails here, in the default build.
 */
class InstallGuideCoverageTest {

  private static final Path PAGE = DocsCommandsTest.repoRoot().resolve(InstallGuide.PAGE);

  @Test
  void theExtractorFindsEveryShellBlockOfThePageAndEveryClusterOne() throws Exception {
    List<MarkdownBlocks.Block> sh =
        MarkdownBlocks.read(PAGE, InstallGuide.PAGE).stream()
            .filter(b -> b.language().equals("sh"))
            .toList();
    List<InstallGuide.Step> steps = InstallGuide.read(PAGE);
    assertEquals(
        sh.stream().map(MarkdownBlocks.Block::line).toList(),
        steps.stream().map(InstallGuide.Step::line).toList(),
        "the lines of the page's sh blocks");
    for (int i = 0; i < sh.size(); i++) {
      assertEquals(sh.get(i).text(), steps.get(i).script(), steps.get(i).where());
      assertEquals(
          sh.get(i).attributes().contains(DocsCommandsTest.NEEDS_CLUSTER),
          steps.get(i).needsCluster(),
          steps.get(i).where());
    }
    long cluster = steps.stream().filter(InstallGuide.Step::needsCluster).count();
    assertEquals(
        sh.stream().filter(b -> b.attributes().contains(DocsCommandsTest.NEEDS_CLUSTER)).count(),
        cluster);
    assertTrue(cluster >= 10, "the page's cluster steps, found " + cluster);
    // The output blocks are the ones the docs test compares.
    List<MarkdownBlocks.Block> all = MarkdownBlocks.read(PAGE, InstallGuide.PAGE);
    for (InstallGuide.Step step : steps) {
      int at = indexOfLine(all, step.line());
      boolean shown = at + 1 < all.size() && all.get(at + 1).language().equals("output");
      assertEquals(shown ? all.get(at + 1).text() : "", step.shownOutput(), step.where());
    }
  }

  @Test
  void everyClusterBlockHasAnOutcomeAndEveryOutcomeABlock() throws Exception {
    List<String> keys = new ArrayList<>();
    for (InstallGuide.Step step : InstallGuide.read(PAGE)) {
      if (step.needsCluster()) {
        assertNotNull(
            InstallOutcomes.of(step.key()),
            step.where()
                + " changes a cluster but has no outcome that InstallGuideE2eTest checks: add one for `"
                + step.key()
                + "` to tests/e2e/src/guide/java/dev/maas/e2e/guide/InstallOutcomes.java");
        assertTrue(!keys.contains(step.key()), step.where() + ": two cluster blocks start alike");
        keys.add(step.key());
      }
    }
    assertEquals(
        keys, InstallOutcomes.keys(), "the outcomes, one per cluster block, in page order");
  }

  @Test
  void theLinesTheClusterTestReplacesAreOnThePage() throws Exception {
    List<String> clusterLines =
        InstallGuide.read(PAGE).stream()
            .filter(InstallGuide.Step::needsCluster)
            .flatMap(s -> s.script().lines().map(String::strip))
            .toList();
    for (Map.Entry<String, String> replaced : InstallGuide.CPU_VARIANT.entrySet()) {
      assertTrue(
          clusterLines.contains(replaced.getKey()),
          "a cluster block of the page runs `" + replaced.getKey() + "`");
    }
    String page = Files.readString(PAGE).replaceAll("\\s+", " ");
    assertTrue(
        page.contains(
            "in place of the two `kubectl wait` lines of the models it applies"
                + " `tests/e2e/src/test/resources/install-guide/models.yaml`"),
        "the page says which of its lines the cluster test replaces, and with what");
    String models =
        Files.readString(
            DocsCommandsTest.repoRoot()
                .resolve("tests/e2e/src/test/resources/install-guide/models.yaml"));
    for (String replacement : InstallGuide.CPU_VARIANT.values()) {
      java.util.regex.Matcher rollout =
          java.util.regex.Pattern.compile("deployment/([a-z0-9-]+)").matcher(replacement);
      while (rollout.find()) {
        assertTrue(
            models.contains("name: " + rollout.group(1)),
            "the stand-in models.yaml makes the Deployment " + rollout.group(1) + " waited for");
      }
    }
  }

  /**
   * The check of the limit block takes the page at its word: the statuses the page shows pass, a
   * run that was never limited fails.
   */
  @Test
  void theLimitCheckAcceptsWhatThePageShowsAndRefusesAnUnlimitedRun() throws Exception {
    List<MarkdownBlocks.Block> all = MarkdownBlocks.read(PAGE, InstallGuide.PAGE);
    InstallGuide.Step loop = step("for i in 1 2 3 4 5 6; do");
    MarkdownBlocks.Block shown = all.get(indexOfLine(all, loop.line()) + 1);
    assertEquals("text", shown.language(), "the page shows the statuses after the loop");
    InstallOutcomes.Outcome outcome = InstallOutcomes.of(loop.key());
    InstallOutcomes.Shell anonymousIs401 = script -> new InstallOutcomes.Result(0, "401");
    outcome.check(new InstallOutcomes.Result(0, shown.text()), anonymousIs401);
    assertThrows(
        AssertionError.class,
        () ->
            outcome.check(
                new InstallOutcomes.Result(0, "200\n200\n200\n200\n200\n200\n"), anonymousIs401));
    assertThrows(
        AssertionError.class,
        () ->
            outcome.check(
                new InstallOutcomes.Result(0, shown.text()),
                script -> new InstallOutcomes.Result(0, "429")));
  }

  /** The token check wants a token of the page's key and exactly the list the page shows. */
  @Test
  void theTokenCheckWantsTheListingThePageShowsAndATokenOfThePagesKey() throws Exception {
    List<MarkdownBlocks.Block> all = MarkdownBlocks.read(PAGE, InstallGuide.PAGE);
    InstallGuide.Step token = step("kubectl create namespace maas-users");
    MarkdownBlocks.Block shown =
        all.stream()
            .filter(b -> b.line() > token.line() && b.language().equals("text"))
            .findFirst()
            .orElseThrow();
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"alg\":\"ES256\",\"kid\":\"" + InstallOutcomes.KEY_ID + "\"}").getBytes());
    InstallOutcomes.Shell jwt = script -> new InstallOutcomes.Result(0, header + ".e30.c2ln");
    InstallOutcomes.Outcome outcome = InstallOutcomes.of(token.key());
    outcome.check(new InstallOutcomes.Result(0, shown.text()), jwt);
    String kubectlSaid = "namespace/maas-users created\nserviceaccount/alice created\n";
    outcome.check(new InstallOutcomes.Result(0, kubectlSaid + shown.text()), jwt);
    assertThrows(
        AssertionError.class,
        () ->
            outcome.check(
                new InstallOutcomes.Result(
                    0, kubectlSaid + shown.text() + "llama-70b /llm/llama-70b/v1\n"),
                jwt),
        "a model of another tier in the free tier's list fails");
    assertThrows(
        AssertionError.class,
        () -> outcome.check(new InstallOutcomes.Result(0, ""), jwt),
        "an empty listing (a refused token) fails");
    assertThrows(
        AssertionError.class,
        () ->
            outcome.check(
                new InstallOutcomes.Result(0, shown.text()),
                script -> new InstallOutcomes.Result(0, "null")),
        "no token (jq printed null) fails");
  }

  /** The page's step whose first line is {@code key}. */
  private static InstallGuide.Step step(String key) throws IOException {
    return InstallGuide.read(PAGE).stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step `" + key + "` on the page"));
  }

  private static int indexOfLine(List<MarkdownBlocks.Block> blocks, int line) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).line() == line) {
        return i;
      }
    }
    throw new AssertionError("no block at line " + line);
  }
}
