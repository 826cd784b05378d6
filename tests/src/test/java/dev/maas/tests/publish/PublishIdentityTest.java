package dev.maas.tests.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.PublishResult;
import dev.maas.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a publication's commits are by (maas.git.author, else the CI's Git identity, else the spec
 * repository's), and the spec repository's commit in a {@code Maas-Source-Commit} trailer; all read
 * back with the {@code git} CLI.
 */
class PublishIdentityTest {

  @TempDir Path dir;

  private static Path spec(Path folder) throws Exception {
    return ApiPublication.referenceSpec(folder);
  }

  private PublishResult publish(Path spec, Path remote, String author, Map<String, String> env) {
    return ApiPublication.publish(dir, spec, remote, author, env);
  }

  private static String people(Path remote) {
    return GitCli.git(remote, "log", "-1", "--format=%an <%ae> | %cn <%ce>", "main");
  }

  private static String message(Path remote) {
    return GitCli.git(remote, "log", "-1", "--format=%B", "main");
  }

  /**
   * Publishes a copy of the reference spec to a new bare repository as {@code author} with {@code
   * env}, without error, and returns the repository.
   */
  private Path publishedReference(String author, Map<String, String> env) throws Exception {
    Path remote = GitCli.initBare(dir.resolve("gitops.git"));
    PublishResult result = publish(spec(dir.resolve("specs")), remote, author, env);
    assertFalse(result.hasErrors(), () -> result.errors().toString());
    return remote;
  }

  @Test
  void configuredAuthorIsAuthorAndCommitter() throws Exception {
    Path remote =
        publishedReference(
            "Jane Doe <jane@example.com>",
            Map.of("GIT_AUTHOR_NAME", "ci", "GIT_AUTHOR_EMAIL", "ci@example.com"));
    assertEquals("Jane Doe <jane@example.com> | Jane Doe <jane@example.com>", people(remote));
    assertFalse(
        message(remote).contains("Maas-Source-Commit:"), "a spec outside Git has no source commit");
  }

  @Test
  void ciIdentityFromTheEnvironment() throws Exception {
    Path remote =
        publishedReference(
            null,
            Map.of(
                "GIT_AUTHOR_NAME",
                "Ann Author",
                "GIT_AUTHOR_EMAIL",
                "ann@example.com",
                "GIT_COMMITTER_NAME",
                "CI Bot",
                "GIT_COMMITTER_EMAIL",
                "bot@ci.example.com"));
    assertEquals("Ann Author <ann@example.com> | CI Bot <bot@ci.example.com>", people(remote));
  }

  @Test
  void specRepositorysIdentityAndCommitInTheTrailer() throws Exception {
    Path repo = dir.resolve("platform");
    Path spec = spec(repo.resolve("platform-specs"));
    GitCli.git(repo, "init", "-q");
    GitCli.git(repo, "config", "user.name", "Spec Owner");
    GitCli.git(repo, "config", "user.email", "owner@example.com");
    GitCli.git(repo, "add", ".");
    GitCli.git(repo, "commit", "-q", "-m", "spec");
    String head = GitCli.git(repo, "rev-parse", "HEAD");
    Path remote = GitCli.initBare(dir.resolve("gitops.git"));

    PublishResult result = publish(spec, remote, null, Map.of());

    assertFalse(result.hasErrors(), () -> result.errors().toString());
    assertEquals("Spec Owner <owner@example.com> | Spec Owner <owner@example.com>", people(remote));
    assertEquals(
        head,
        GitCli.git(
            remote, "log", "-1", "--format=%(trailers:key=Maas-Source-Commit,valueonly)", "main"));
    assertTrue(message(remote).endsWith("Maas-Source-Commit: " + head), message(remote));
  }

  @Test
  void authorNotInGitsFormIsAnErrorAndNothingIsPushed() throws Exception {
    Path remote = GitCli.initBare(dir.resolve("gitops.git"));
    PublishResult result =
        publish(spec(dir.resolve("specs")), remote, "jane@example.com", Map.of());
    assertEquals(
        List.of(
            "maas.git.author: error: \"jane@example.com\" is not a Git identity (write it as"
                + " Name <email>, e.g. -Dmaas.git.author='Jane Doe <jane@example.com>') [publish.author]"),
        result.errors().stream().map(Diagnostic::render).toList());
    assertTrue(
        GitCli.run(remote, "rev-parse", "--verify", "-q", "refs/heads/main").exitCode() != 0,
        "nothing pushed");
  }
}
