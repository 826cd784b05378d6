package dev.maas.tests.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.PublishResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler's real output of the reference spec, published into a fresh bare repository: one
 * commit, none for an unchanged re-run, and a changed limit touches only the files it affects.
 */
class PublishGeneratedOutputTest {

  @TempDir Path dir;

  private PublishResult publish(Path spec, Path remote) {
    return ApiPublication.publish(dir, spec, remote, null, System.getenv());
  }

  @Test
  void referenceSpecPublishesOnceAndAChangedLimitTouchesOnlyItsFiles() throws Exception {
    Path remote = GitCli.initBare(dir.resolve("gitops.git"));
    Path spec = ApiPublication.referenceSpec(dir);

    PublishResult first = publish(spec, remote);
    assertFalse(first.hasErrors(), () -> first.errors().toString());
    PublishResult again = publish(spec, remote);
    assertFalse(again.hasErrors(), () -> again.errors().toString());
    assertEquals(1, GitCli.commitCount(remote, "main"), "an unchanged re-run commits nothing");

    Files.writeString(
        spec,
        Files.readString(spec).replace("limit: 20000, window: 1m", "limit: 40000, window: 1m"));
    PublishResult changed = publish(spec, remote);
    assertFalse(changed.hasErrors(), () -> changed.errors().toString());

    assertEquals(2, GitCli.commitCount(remote, "main"));
    List<String> touched =
        GitCli.git(remote, "show", "--name-only", "--format=", "main").lines().sorted().toList();
    assertEquals(
        List.of(
            "clusters/acme/argocd/kustomization.yaml",
            "clusters/acme/base/kustomization.yaml",
            // The usage alert fires at a share of the limit, so it follows the limit.
            "clusters/acme/base/prometheusrule-acme-alerts.yaml",
            "clusters/acme/base/tokenratelimitpolicy-acme-token-limits.yaml"),
        touched);
    String message = GitCli.git(remote, "log", "-1", "--format=%B", "main");
    assertTrue(message.startsWith("maas: acme: 0 added, 4 changed, 0 removed"), message);
    assertTrue(message.contains("changed TokenRateLimitPolicy acme-token-limits"), message);
    assertTrue(message.contains("Maas-Spec-Hash: sha256:"), message);
  }
}
