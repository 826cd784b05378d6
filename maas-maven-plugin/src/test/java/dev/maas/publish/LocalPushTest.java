package dev.maas.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push to a repository on this machine goes through git's receive-pack, or is refused when hooks
 * would be skipped.
 */
class LocalPushTest {

  @TempDir Path dir;

  private Path bareWithHook(String name) throws Exception {
    Path repo = dir.resolve(name + ".git");
    Git.init().setBare(true).setDirectory(repo.toFile()).call().close();
    Files.createDirectories(repo.resolve("hooks"));
    Files.writeString(repo.resolve("hooks/pre-receive.sample"), "#!/bin/sh\nexit 0\n");
    assertTrue(repo.resolve("hooks/pre-receive.sample").toFile().setExecutable(true));
    return repo;
  }

  @Test
  void withoutGitOnThePathHooksThatWouldBeSkippedAreNamed() throws Exception {
    Path repo = bareWithHook("guarded");
    Path emptyPath = Files.createDirectories(dir.resolve("bin-without-git"));
    try (Remote remote =
        new Remote(repo.toUri().toString(), GitCredentials.none(), emptyPath.toString())) {
      assertEquals(List.of(), remote.skippedHooks(), "samples do not run");
      Files.writeString(repo.resolve("hooks/pre-receive"), "#!/bin/sh\nexit 1\n");
      assertTrue(repo.resolve("hooks/pre-receive").toFile().setExecutable(true));
      Files.writeString(repo.resolve("hooks/update"), "#!/bin/sh\nexit 1\n");
      assertTrue(repo.resolve("hooks/update").toFile().setExecutable(true));
      assertEquals(List.of("pre-receive", "update"), remote.skippedHooks());
    }
    try (Remote byPath = new Remote(repo.toString(), GitCredentials.none(), null)) {
      assertEquals(List.of("pre-receive", "update"), byPath.skippedHooks());
    }
  }

  @Test
  void withGitOnThePathNothingIsSkipped() throws Exception {
    Path repo = bareWithHook("run");
    Files.writeString(repo.resolve("hooks/pre-receive"), "#!/bin/sh\nexit 1\n");
    assertTrue(repo.resolve("hooks/pre-receive").toFile().setExecutable(true));
    Path bin = Files.createDirectories(dir.resolve("with space/bin"));
    Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\n");
    assertTrue(git.toFile().setExecutable(true));
    String path = dir.resolve("empty") + java.io.File.pathSeparator + bin;
    try (Remote remote = new Remote(repo.toUri().toString(), GitCredentials.none(), path)) {
      assertEquals(List.of(), remote.skippedHooks());
    }
    String command = LocalPush.receivePackCommand(path);
    assertEquals("'" + git + "' receive-pack", command);
    // JGit receives in-process for exactly these two spellings, hooks unrun.
    assertFalse(command.equals("git-receive-pack") || command.equals("git receive-pack"));
    assertNull(LocalPush.receivePackCommand(dir.resolve("empty").toString()));
  }

  @Test
  void onlyPathsAndFileUrlsAreLocal() throws Exception {
    assertTrue(LocalPush.isLocal(new URIish("/srv/repo.git")));
    assertTrue(LocalPush.isLocal(new URIish("file:///srv/repo.git")));
    assertFalse(LocalPush.isLocal(new URIish("git://127.0.0.1/repo.git")));
    assertFalse(LocalPush.isLocal(new URIish("https://h/repo.git")));
    assertFalse(LocalPush.isLocal(new URIish("git@h:repo.git")));
  }
}
