package dev.maas.tests.publish;

import static dev.maas.tests.publish.GitCli.commitCount;
import static dev.maas.tests.publish.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.UserInputException;
import dev.maas.output.ChangeType;
import dev.maas.output.GeneratedTree;
import dev.maas.publish.FileChange;
import dev.maas.publish.GitCredentials;
import dev.maas.publish.GitPublisher;
import dev.maas.publish.PublishReport;
import dev.maas.publish.PublishRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing into real Git repositories, read back with the {@code git} command line. */
class GitPublisherTest {

  private static final String HASH = "a".repeat(64);

  @TempDir static Path served;
  @AutoClose private static GitDaemon daemon;

  @TempDir Path scratch;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon = GitDaemon.serve(served);
  }

  private PublishRequest.Builder request(
      GeneratedTree tree, String url, String path, String clone) {
    return PublishRequest.builder(tree, url, "main", path, scratch.resolve("clones").resolve(clone))
        .provenance("acme", HASH, "9.9.9-test");
  }

  private PublishReport publish(PublishRequest request) {
    return new GitPublisher(log::add).publish(request);
  }

  /** What a publication that must be refused throws. */
  private UserInputException refused(PublishRequest request) {
    return assertThrows(UserInputException.class, () -> publish(request));
  }

  /** What publishing one model to {@code url} with {@code credentials}, refused, throws. */
  private UserInputException refused(String url, String clone, GitCredentials credentials) {
    return refused(acme(1, url, clone).credentials(credentials).build());
  }

  /**
   * A request to publish platform acme with {@code models} models to {@code clusters/acme} of
   * {@code url}, cloned into {@code clone}.
   */
  private PublishRequest.Builder acme(int models, String url, String clone) {
    return request(Trees.platform("acme", models, Map.of()), url, "clusters/acme", clone);
  }

  @Test
  void freshRepoThenUnchangedThenOneChangedFileThenARemovedFile() throws IOException {
    Path remote = daemon.initBare("lifecycle");
    String url = daemon.url("lifecycle");

    PublishReport first = publish(acme(100, url, "c1").build());
    assertEquals(PublishReport.Outcome.PUSHED, first.outcome());
    assertEquals(1, commitCount(remote, "main"));
    assertEquals(
        """
        clusters/acme/base/gateway-auth.yaml
        clusters/acme/base/gateway.yaml
        clusters/acme/base/kustomization.yaml
        clusters/acme/base/token-limits.yaml
        clusters/acme/overlays/dev/kustomization.yaml""",
        git(remote, "ls-tree", "-r", "--name-only", "main"));
    String firstMessage = git(remote, "log", "-1", "--format=%B", "main");
    assertTrue(firstMessage.startsWith("maas: acme: 5 added, 0 changed, 0 removed"), firstMessage);
    assertTrue(firstMessage.contains("added TokenRateLimitPolicy acme-token-limits"), firstMessage);
    assertEquals(
        "Maas-Spec-Hash: sha256:" + HASH + "\nMaas-Plugin-Version: 9.9.9-test",
        git(remote, "log", "-1", "--format=%(trailers:only,unfold)", "main"));
    assertEquals("maas <maas@localhost>", git(remote, "log", "-1", "--format=%an <%ae>", "main"));

    PublishReport again = publish(acme(100, url, "c1").build());
    assertEquals(PublishReport.Outcome.UNCHANGED, again.outcome());
    assertNull(again.commitId());
    assertEquals(1, commitCount(remote, "main"), "an unchanged tree makes no commit");

    PublishReport changed = publish(acme(250, url, "c1").build());
    assertEquals(PublishReport.Outcome.PUSHED, changed.outcome());
    assertEquals(2, commitCount(remote, "main"));
    assertEquals(
        "clusters/acme/base/token-limits.yaml",
        git(remote, "show", "--name-only", "--format=", "main"));
    assertEquals(
        List.of(new FileChange("clusters/acme/base/token-limits.yaml", ChangeType.CHANGED)),
        changed.files());
    String message = git(remote, "log", "-1", "--format=%B", "main");
    assertTrue(
        message.startsWith(
            "maas: acme: 0 added, 1 changed, 0 removed\n\nchanged TokenRateLimitPolicy "
                + "acme-token-limits\n"),
        message);
    assertEquals(first.commitId(), git(remote, "rev-parse", "main~1"));

    GeneratedTree smaller =
        new GeneratedTree(
            new java.util.TreeMap<>(Trees.platform("acme", 250, Map.of()).files()) {
              {
                remove("base/gateway-auth.yaml");
              }
            });
    PublishReport removed = publish(request(smaller, url, "clusters/acme", "c1").build());
    assertEquals(3, commitCount(remote, "main"));
    assertEquals(
        "D\tclusters/acme/base/gateway-auth.yaml",
        git(remote, "show", "--name-status", "--format=", "main"));
    assertFalse(git(remote, "ls-tree", "-r", "--name-only", "main").contains("gateway-auth"));
    assertTrue(
        removed.message().contains("removed AuthPolicy acme-gateway-auth"), removed.message());
    assertEquals("", git(remote, "rev-list", "--merges", "main"));
  }

  @Test
  void everyTransportWorks() throws IOException {
    Path remote = GitCli.initBare(scratch.resolve("transports.git"));
    publish(acme(1, remote.toString(), "path").build());
    publish(
        request(
                Trees.platform("acme", 2, Map.of()),
                remote.toUri().toString(),
                "clusters/acme",
                "uri")
            .build());
    assertTrue(remote.toUri().toString().startsWith("file:"));
    Path servedRemote = daemon.initBare("transports");
    publish(acme(3, daemon.url("transports"), "daemon").build());
    assertEquals(2, commitCount(remote, "main"));
    assertEquals(1, commitCount(servedRemote, "main"));
    assertTrue(
        git(remote, "show", "main:clusters/acme/base/token-limits.yaml").contains("limit: 2"));
  }

  @Test
  void theFolderIsOursAndEverythingElseIsKept() throws IOException {
    Path remote = daemon.initBare("shared");
    GitCli.commitAsSomeoneElse(
        remote,
        "main",
        scratch,
        Map.of(
            "README.md", "hello\n",
            "clusters/other/app.yaml", "kind: ConfigMap\n",
            "clusters/acme/hand-made.yaml", "kind: ConfigMap\nmetadata:\n  name: stray\n"));
    PublishReport report =
        publish(
            request(
                    Trees.platform("acme", 100, Map.of()),
                    daemon.url("shared"),
                    "/clusters/acme/",
                    "c")
                .build());
    String files = git(remote, "ls-tree", "-r", "--name-only", "main");
    assertTrue(files.contains("README.md") && files.contains("clusters/other/app.yaml"), files);
    assertFalse(files.contains("hand-made.yaml"), "the folder is replaced exactly: " + files);
    assertTrue(report.message().contains("removed ConfigMap stray"), report.message());
    assertEquals(2, commitCount(remote, "main"));
  }

  @Test
  void linksAndSubmodulesUnderThePathStopThePublicationUnlessPruneAllThenEveryRemovalIsListed()
      throws IOException {
    Path remote = daemon.initBare("foreign-entries");
    GitCli.commitAsSomeoneElse(
        remote,
        "main",
        scratch,
        work -> {
          Path folder = Files.createDirectories(work.resolve("clusters/acme"));
          Files.writeString(
              folder.resolve("stray.yaml"), "kind: ConfigMap\nmetadata:\n  name: stray\n");
          Files.writeString(folder.resolve("notes.txt"), "notes\n");
          Files.createSymbolicLink(folder.resolve("link"), Path.of("../../README.md"));
          Files.writeString(work.resolve("README.md"), "hello\n");
          // A submodule that is not checked out: an empty folder in the work tree, a commit id in
          // the index.
          Files.createDirectories(folder.resolve("vendor"));
          git(
              work,
              "update-index",
              "--add",
              "--cacheinfo",
              "160000," + "1".repeat(40) + ",clusters/acme/vendor");
        });
    String tip = git(remote, "rev-parse", "main");

    UserInputException refused = refused(acme(1, daemon.url("foreign-entries"), "c").build());
    assertEquals("publish.notOwned", refused.diagnostics().get(0).code());
    assertTrue(
        refused
            .getMessage()
            .contains("symlink `clusters/acme/link`, submodule `clusters/acme/vendor`"),
        refused.getMessage());
    assertTrue(
        refused.diagnostics().get(0).hint().contains("maas.git.prune=all"),
        refused.diagnostics().toString());
    assertEquals(tip, git(remote, "rev-parse", "main"), "nothing was pushed");

    PublishReport dry =
        publish(acme(1, daemon.url("foreign-entries"), "c").pruneAll(true).dryRun(true).build());
    List<FileChange> removed =
        dry.files().stream().filter(f -> f.type() == ChangeType.REMOVED).toList();
    assertEquals(
        List.of(
            new FileChange("clusters/acme/link", ChangeType.REMOVED),
            new FileChange("clusters/acme/notes.txt", ChangeType.REMOVED),
            new FileChange("clusters/acme/stray.yaml", ChangeType.REMOVED),
            new FileChange("clusters/acme/vendor", ChangeType.REMOVED)),
        removed);
    assertTrue(
        dry.message().startsWith("maas: acme: 5 added, 0 changed, 4 removed\n"), dry.message());
    assertTrue(
        dry.message().contains("removed symlink link\n")
            && dry.message().contains("removed submodule vendor\n"),
        dry.message());

    PublishReport pushed =
        publish(acme(1, daemon.url("foreign-entries"), "c").pruneAll(true).build());
    assertEquals(PublishReport.Outcome.PUSHED, pushed.outcome());
    assertEquals(dry.message().lines().findFirst(), pushed.message().lines().findFirst());
    String deleted = git(remote, "diff", "--name-status", "--diff-filter=D", tip, "main");
    assertEquals(4, deleted.lines().count(), deleted);
    assertEquals(
        "hello", git(remote, "show", "main:README.md"), "outside the path nothing changed");
  }

  @Test
  void aFileAtAParentOfThePathIsNeverTouched() throws IOException {
    Path remote = daemon.initBare("parent-file");
    GitCli.commitAsSomeoneElse(remote, "main", scratch, Map.of("clusters", "not a folder\n"));
    String tip = git(remote, "rev-parse", "main");
    UserInputException e = refused(acme(1, daemon.url("parent-file"), "c").pruneAll(true).build());
    assertEquals("publish.pathBlocked", e.diagnostics().get(0).code());
    assertTrue(
        e.getMessage()
            .contains("has a file at `clusters`, where the folder `clusters/acme` must go"),
        e.getMessage());
    assertEquals(tip, git(remote, "rev-parse", "main"));
    assertEquals("not a folder", git(remote, "show", "main:clusters"));
  }

  @Test
  void aBlobOverSixtyFourMebibytesUnderThePathIsReplacedWithoutBeingRead() throws IOException {
    Path remote = daemon.initBare("huge-blob");
    GitCli.commitAsSomeoneElse(
        remote,
        "main",
        scratch,
        work -> {
          Path huge =
              Files.createDirectories(work.resolve("clusters/acme/data")).resolve("huge.bin");
          try (var out = Files.newOutputStream(huge)) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 65; i++) {
              out.write(chunk);
            }
          }
        });
    PublishReport report = publish(acme(1, daemon.url("huge-blob"), "c").build());
    assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
    assertTrue(
        report.files().contains(new FileChange("clusters/acme/data/huge.bin", ChangeType.REMOVED)),
        report.files().toString());
    assertTrue(
        report.message().startsWith("maas: acme: 5 added, 0 changed, 1 removed\n"),
        report.message());
    assertTrue(report.message().contains("removed file data/huge.bin"), report.message());
    assertFalse(git(remote, "ls-tree", "-r", "--name-only", "main").contains("huge.bin"));
  }

  @Test
  void dryRunBuildsTheCommitButPushesNothing() throws IOException {
    Path remote = daemon.initBare("dry");
    publish(acme(100, daemon.url("dry"), "c").build());
    String tip = git(remote, "rev-parse", "main");
    PublishReport dry = publish(acme(7, daemon.url("dry"), "c").dryRun(true).build());
    assertEquals(PublishReport.Outcome.DRY_RUN, dry.outcome());
    assertTrue(
        dry.message().contains("changed TokenRateLimitPolicy acme-token-limits"), dry.message());
    assertEquals(
        List.of(new FileChange("clusters/acme/base/token-limits.yaml", ChangeType.CHANGED)),
        dry.files());
    assertEquals(tip, git(remote, "rev-parse", "main"), "a dry run pushes nothing");
  }

  @Test
  void unreachableRemoteIsAClearErrorAndARerunWorks() throws IOException {
    int closed = GitCli.freePort();
    String url = "git://127.0.0.1:" + closed + "/nowhere.git";
    UserInputException e = refused(acme(1, url, "c").build());
    assertEquals("publish.unreachable", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("cannot reach the Git remote " + url), e.getMessage());
    assertNotNull(e.diagnostics().get(0).hint());

    Path remote = daemon.initBare("after-outage");
    publish(acme(1, daemon.url("after-outage"), "c").build());
    assertEquals(1, commitCount(remote, "main"));
  }

  @Test
  void missingBranchOnANonEmptyRemoteIsNamed() throws IOException {
    Path remote = daemon.initBare("branches");
    GitCli.commitAsSomeoneElse(remote, "main", scratch, Map.of("README.md", "x\n"));
    String refsBefore = git(remote, "for-each-ref");
    UserInputException e =
        refused(
            PublishRequest.builder(
                    Trees.platform("acme", 1, Map.of()),
                    daemon.url("branches"),
                    "release",
                    "clusters/acme",
                    scratch.resolve("c"))
                .build());
    assertEquals("publish.branchMissing", e.diagnostics().get(0).code());
    assertTrue(
        e.getMessage().contains("`release`") && e.getMessage().contains("main"), e.getMessage());
    assertEquals(refsBefore, git(remote, "for-each-ref"), "nothing was created");
  }

  @Test
  void corruptedCloneIsDetectedAndClonedAgain() throws IOException {
    Path remote = daemon.initBare("corrupt");
    Path clone = scratch.resolve("clones").resolve("c");
    publish(acme(1, daemon.url("corrupt"), "c").build());
    publish(acme(2, daemon.url("corrupt"), "c").build());
    int deleted = 0;
    try (Stream<Path> objects = Files.walk(clone.resolve("objects"))) {
      for (Path file : objects.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
        deleted++;
      }
    }
    assertTrue(deleted > 0, "the clone held objects");
    String before = git(remote, "rev-parse", "main");

    PublishReport report = publish(acme(3, daemon.url("corrupt"), "c").build());
    assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
    assertTrue(log.stream().anyMatch(l -> l.contains("unusable")), log.toString());
    assertEquals(3, commitCount(remote, "main"));
    assertEquals(before, git(remote, "rev-parse", "main~1"), "nothing lost");
    assertEquals(
        "clusters/acme/base/token-limits.yaml",
        git(remote, "show", "--name-only", "--format=", "main"));

    // A clone emptied of refs and objects alike is no less a cache.
    Files.writeString(clone.resolve("HEAD"), "garbage");
    assertEquals(
        PublishReport.Outcome.UNCHANGED,
        publish(acme(3, daemon.url("corrupt"), "c").build()).outcome());
  }

  @Test
  void foreignFolderIsNeverDeleted() throws IOException {
    Path folder = scratch.resolve("clones").resolve("mine");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("precious.txt"), "keep me");
    daemon.initBare("foreign");
    UserInputException e = refused(acme(1, daemon.url("foreign"), "mine").build());
    assertEquals("publish.localClone", e.diagnostics().get(0).code());
    assertTrue(Files.exists(folder.resolve("precious.txt")));
  }

  @Test
  void credentialsNeverAppearInErrors() throws IOException {
    int closed = GitCli.freePort();
    String url = "http://deploy:Url-Pa55word@127.0.0.1:" + closed + "/repo.git";
    UserInputException e = refused(url, "c", GitCredentials.password("deploy", "Given-Pa55word"));
    String everything =
        e.getMessage()
            + "\n"
            + e.diagnostics()
            + "\n"
            + String.join("\n", log)
            + "\n"
            + e.diagnostics().stream().map(d -> d.render() + d.hint()).toList();
    assertFalse(everything.contains("Url-Pa55word"), everything);
    assertFalse(everything.contains("Given-Pa55word"), everything);
    assertTrue(everything.contains("http://***@127.0.0.1:" + closed), everything);
    String shown =
        PublishRequest.builder(Trees.platform("acme", 1, Map.of()), url, "main", "x", scratch)
            .credentials(GitCredentials.token("Token-Secret-1"))
            .build()
            .toString();
    assertFalse(shown.contains("Url-Pa55word") || shown.contains("Token-Secret-1"), shown);
  }

  @Test
  void aBranchThatKeepsMovingIsRetriedThenReported() throws IOException {
    Path remote = daemon.initBare("busy");
    GitCli.commitAsSomeoneElse(remote, "main", scratch, Map.of("README.md", "0\n"));
    int[] interference = {0};
    // Another writer commits right before each of our pushes, so each push finds the branch moved.
    GitPublisher publisher =
        new GitPublisher(
            line -> {
              if (line.contains("pushing")) {
                try {
                  GitCli.commitAsSomeoneElse(
                      remote, "main", scratch, Map.of("README.md", ++interference[0] + "\n"));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            });
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> publisher.publish(acme(1, daemon.url("busy"), "c").maxRetries(2).build()));
    assertEquals("publish.rejected", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("rejected 3 time(s)"), e.getMessage());
    assertEquals(3, interference[0]);
    assertEquals(4, commitCount(remote, "main"), "only the other writer's commits, all kept");
    assertEquals("3", git(remote, "show", "main:README.md"));

    // Once the other writer stops, a re-run lands on top of all of it.
    PublishReport report = publish(acme(1, daemon.url("busy"), "c").build());
    assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
    assertEquals(5, commitCount(remote, "main"));
  }

  @Test
  void aPushRefusedByTheServerIsNotRetried() throws IOException {
    Path remote = daemon.initBare("guarded");
    Path hook = remote.resolve("hooks").resolve("pre-receive");
    Files.writeString(hook, "#!/bin/sh\necho 'branch is protected' >&2\nexit 1\n");
    assertTrue(hook.toFile().setExecutable(true));
    UserInputException e = refused(acme(1, daemon.url("guarded"), "c").build());
    assertEquals("publish.rejected", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("rejected 1 time(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("the server said: branch is protected"), e.getMessage());
    assertEquals("", git(remote, "for-each-ref"), "nothing was created");
  }

  /** A bare repository whose {@code hooks/<name>} is a real executable script. */
  private static void hook(Path bareRepo, String name, String script) throws IOException {
    Path hook = bareRepo.resolve("hooks").resolve(name);
    Files.writeString(hook, "#!/bin/sh\n" + script);
    assertTrue(hook.toFile().setExecutable(true));
  }

  @Test
  void theReceivingSidesHooksDecideOnEveryTransport() throws IOException {
    Path httpRoot = scratch.resolve("http-hooks");
    try (HttpGitServer http = new HttpGitServer(httpRoot, "deploy", "Hook-Pa55word")) {
      Map<String, Path> remotes = new java.util.LinkedHashMap<>();
      remotes.put("path", GitCli.initBare(scratch.resolve("hooked-path.git")));
      remotes.put("file", GitCli.initBare(scratch.resolve("hooked-file.git")));
      remotes.put("daemon", daemon.initBare("hooked"));
      remotes.put("http", GitCli.initBareForHttp(httpRoot, "hooked"));
      Map<String, String> urls =
          Map.of(
              "path",
              remotes.get("path").toString(),
              "file",
              remotes.get("file").toUri().toString(),
              "daemon",
              daemon.url("hooked"),
              "http",
              http.url("hooked").replace("http://", "http://deploy:Hook-Pa55word@"));
      for (var remote : remotes.entrySet()) {
        String how = remote.getKey();
        Path bare = remote.getValue();
        String url = urls.get(how);
        hook(bare, "pre-receive", "echo 'pushes are frozen for the release' >&2\nexit 1\n");
        // As plain git sees it: the hook declines the push.
        Path work = Files.createTempDirectory(scratch, "native");
        GitCli.git(work, "init", "--quiet");
        Files.writeString(work.resolve("x"), "x\n");
        GitCli.git(work, "add", "x");
        GitCli.git(work, "commit", "--quiet", "-m", "x");
        GitCli.Result nativePush =
            GitCli.run(work, "push", bare.toString(), "HEAD:refs/heads/main");
        assertTrue(
            nativePush.exitCode() != 0 && nativePush.output().contains("pushes are frozen"),
            how + ": " + nativePush.output());

        UserInputException frozen =
            assertThrows(
                UserInputException.class,
                () -> publish(acme(1, url, "frozen-" + how).build()),
                how);
        assertEquals("publish.rejected", frozen.diagnostics().get(0).code(), how);
        assertTrue(
            frozen.getMessage().contains("the server said: pushes are frozen for the release"),
            how + ": " + frozen.getMessage());
        assertFalse(frozen.getMessage().contains("Hook-Pa55word"), frozen.getMessage());
        assertEquals("", git(bare, "for-each-ref"), how + ": nothing was pushed");

        // A branch-protection hook: once main exists, only a push from the release job may move it.
        Files.delete(bare.resolve("hooks").resolve("pre-receive"));
        publish(acme(1, url, "seed-" + how).build());
        String tip = git(bare, "rev-parse", "main");
        hook(
            bare,
            "update",
            "if [ \"$1\" = refs/heads/main ]; then echo \"$1 is protected\" >&2; exit 1; fi\n");
        UserInputException guarded =
            assertThrows(
                UserInputException.class, () -> publish(acme(2, url, "seed-" + how).build()), how);
        assertEquals("publish.rejected", guarded.diagnostics().get(0).code(), how);
        assertTrue(
            guarded.getMessage().contains("refs/heads/main is protected"),
            how + ": " + guarded.getMessage());
        assertEquals(tip, git(bare, "rev-parse", "main"), how + ": the branch did not move");
      }
    }
  }

  @Test
  void httpWithBasicAuthenticationPushesAndRefusedCredentialsAreReported() throws IOException {
    Path root = scratch.resolve("http-root");
    Path remote = GitCli.initBareForHttp(root, "secured");
    try (HttpGitServer http = new HttpGitServer(root, "deploy", "Right-Pa55word")) {
      String url = http.url("secured");

      UserInputException none = refused(acme(1, url, "h").build());
      assertEquals("publish.credentials", none.diagnostics().get(0).code());
      assertTrue(
          none.getMessage().contains("requires credentials and none were given"),
          none.getMessage());

      UserInputException wrong =
          refused(url, "h", GitCredentials.password("deploy", "Wrong-Pa55word"));
      assertEquals("publish.credentials", wrong.diagnostics().get(0).code());
      assertTrue(wrong.getMessage().contains("refused the credentials"), wrong.getMessage());
      assertFalse((wrong.getMessage() + log).contains("Wrong-Pa55word"));

      PublishReport report =
          publish(
              acme(1, url, "h")
                  .credentials(GitCredentials.password("deploy", "Right-Pa55word"))
                  .build());
      assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
      assertEquals(1, commitCount(remote, "main"));
      assertFalse((report.toString() + log).contains("Right-Pa55word"));

      // The same password written into the URL works too, and is never shown.
      String withUserInfo = url.replace("http://", "http://deploy:Right-Pa55word@");
      PublishReport again = publish(acme(2, withUserInfo, "h2").build());
      assertEquals(PublishReport.Outcome.PUSHED, again.outcome());
      assertFalse((again.toString() + log).contains("Right-Pa55word"), again + " " + log);
      assertEquals(2, commitCount(remote, "main"));
    }
  }

  @Test
  void aPasswordWithARawAtInTheUrlIsNeverShownAndItsRefusalIsNamed() throws IOException {
    Path root = scratch.resolve("http-at");
    Path remote = GitCli.initBareForHttp(root, "at");
    try (HttpGitServer http = new HttpGitServer(root, "bot", "p@ss-Right9Tail")) {
      String wrongUrl = http.url("at").replace("http://", "http://bot:p@ss-Wrong9Tail@");
      UserInputException wrong = refused(acme(1, wrongUrl, "w").build());
      assertEquals("publish.credentials", wrong.diagnostics().get(0).code());
      String said = wrong.getMessage() + wrong.diagnostics().get(0).hint() + log;
      assertTrue(
          wrong.getMessage().contains("refused the user and password in the URL"),
          wrong.getMessage());
      assertFalse(said.contains("Wrong9") || said.contains("ss-W"), said);
      assertTrue(
          wrong.getMessage().contains(http.url("at").replace("http://", "http://***@")),
          wrong.getMessage());

      String rightUrl = http.url("at").replace("http://", "http://bot:p@ss-Right9Tail@");
      PublishReport report = publish(acme(1, rightUrl, "r").build());
      assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
      String shown = report + " " + report.summary() + " " + log;
      assertFalse(shown.contains("Right9") || shown.contains("ss-R"), shown);
      assertEquals(1, commitCount(remote, "main"));
    }
  }

  @Test
  void sshTransportGoesThroughTheApacheSessionFactory() throws IOException {
    int closed = GitCli.freePort();
    String url = "ssh://git@127.0.0.1:" + closed + "/srv/repo.git";
    UserInputException e = refused(url, "ssh", GitCredentials.password("git", "Ssh-Pa55word"));
    assertEquals("publish.unreachable", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("ssh://***@127.0.0.1:" + closed), e.getMessage());
    assertFalse(e.getMessage().contains("Ssh-Pa55word"), e.getMessage());
  }
}
