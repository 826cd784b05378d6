package dev.maas.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.PlanResult;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.publish.GitPublisher;
import dev.maas.publish.PublishReport;
import dev.maas.publish.PublishRequest;
import dev.maas.validate.Rendered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans against a local bare repository the publisher wrote: its branch tip, and an earlier ref.
 */
class PlanGitTest {

  @TempDir static Path dir;

  private static String reference;
  private static String raised;
  private static String url;

  @BeforeAll
  static void publishTwice() throws Exception {
    reference = PlanFixture.reference();
    raised =
        PlanFixture.edit(
            reference,
            "tokens: [{limit: 1000, window: 1m}]",
            "tokens: [{limit: 4000, window: 1m}]");
    Path remote = dir.resolve("remote.git");
    try (Git git =
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call()) {
      url = remote.toUri().toString();
    }
    publish(reference, "first");
    publish(raised, "second");
  }

  /**
   * Publishes {@code spec} as publish does with {@code maas.git.url} set: its Applications read the
   * local remote.
   */
  private static void publish(String spec, String name) throws IOException {
    Path file = PlanFixture.write(dir.resolve(name), spec);
    Path out = dir.resolve(name).resolve("out");
    assertFalse(
        new dev.maas.api.MaasCompiler()
            .generate(
                new dev.maas.api.GenerateRequest(
                    dir.resolve(name),
                    file,
                    out,
                    null,
                    null,
                    PlanFixture.VERSION,
                    true,
                    new dev.maas.api.GitTarget(url, null, null)))
            .hasErrors());
    GeneratedTree tree = new GeneratedTree(new TreeMap<>(TreeWriter.read(out.resolve("acme"))));
    PublishReport report =
        new GitPublisher()
            .publish(
                PublishRequest.builder(
                        tree, url, "main", "clusters/acme", dir.resolve("publish-cache"))
                    .build());
    assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
  }

  @Test
  void tipOfTheGitOpsBranchHoldsThisSpecSoNothingChanges() throws IOException {
    // The spec names another repository; maas.git.url points at the local one, maas.git.path stays
    // the spec's.
    PlanResult result = PlanFixture.plan(dir.resolve("tip"), raised, null, url, null);
    assertTrue(result.report().noChanges());
    String md = Files.readString(result.markdown());
    assertTrue(md.contains("**Summary:** no changes."), md);
    assertTrue(md.contains("Compared with main@"), md);
    assertTrue(md.contains(", path clusters/acme."), md);
  }

  @Test
  void earlierRefShowsTheRaise() throws IOException {
    PlanResult result = PlanFixture.plan(dir.resolve("ref"), raised, "git:main~1", url, null);
    assertEquals(
        List.of("free: tokens per 1m for granite-8b 1,000 → 4,000"),
        result.report().platforms().get(0).changes().stream().map(PolicyChange::text).toList());
    String md = Files.readString(result.markdown());
    assertTrue(md.contains("Compared with main~1@"), md);
    assertTrue(
        md.contains(
            "| **free** | ~~requests 5/2m; tokens 1,000/1m; per user~~ → **requests 5/2m; tokens 4,000/1m;"
                + " per user** |"),
        md);
  }

  @Test
  void theTipComparedWithTheReferenceSpecShowsALoweredLimit() throws IOException {
    PlanResult result = PlanFixture.plan(dir.resolve("back"), reference, "git:", url, null);
    assertEquals(List.of("free: tokens per 1m for granite-8b 4,000 → 1,000"), result.breaking());
  }

  @Test
  void unknownRefIsALocatedError() throws IOException {
    Path file = PlanFixture.write(dir.resolve("unknown"), raised);
    PlanResult result =
        new dev.maas.api.MaasCompiler()
            .plan(
                new dev.maas.api.PlanOptions(
                    new dev.maas.api.GenerateRequest(
                        dir,
                        file,
                        dir.resolve("unused"),
                        null,
                        null,
                        PlanFixture.VERSION,
                        false,
                        new dev.maas.api.GitTarget(url, null, null)),
                    "git:no-such-tag",
                    null,
                    dir.resolve("git"),
                    dir.resolve("unknown/plan.md")));
    assertTrue(result.hasErrors());
    assertEquals(
        "maas.plan.base: error: `no-such-tag` names no branch, tag or commit of "
            + url
            + " (use maas.plan.base=git:<branch|tag|commit>, e.g. git:main or git:v1.2.0)",
        Rendered.withoutCode(result.errors().get(0)));
  }
}
