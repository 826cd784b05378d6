package dev.maas.tests.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command line: creates remotes, seeds them, and reads back what the publisher
 * did.
 */
final class GitCli {

  private GitCli() {}

  /**
   * Runs {@code git args...} in {@code dir}; its standard output, trimmed; fails the test on a
   * non-zero exit.
   */
  static String git(Path dir, String... args) {
    Result result = run(dir, args);
    assertEquals(
        0, result.exitCode(), "git " + String.join(" ", args) + " failed: " + result.output());
    return result.output().strip();
  }

  /** Runs {@code git args...} in {@code dir} and returns what happened, whatever its exit code. */
  static Result run(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=tester",
                "-c",
                "user.email=tester@localhost",
                "-c",
                "init.defaultBranch=main",
                "-c",
                "protocol.file.allow=always"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A new empty bare repository at {@code dir}. */
  static Path initBare(Path dir) throws IOException {
    Files.createDirectories(dir);
    git(dir, "init", "--bare", "--quiet");
    return dir;
  }

  /**
   * A new empty bare repository {@code name}.git under {@code root} that accepts pushes over HTTP.
   */
  static Path initBareForHttp(Path root, String name) throws IOException {
    Path repo = initBare(root.resolve(name + ".git"));
    git(repo, "config", "http.receivepack", "true");
    return repo;
  }

  /**
   * Adds {@code files} (path → text) to {@code branch} of {@code bareRepo} as another writer would,
   * with the CLI.
   */
  static void commitAsSomeoneElse(
      Path bareRepo, String branch, Path scratch, java.util.Map<String, String> files)
      throws IOException {
    commitAsSomeoneElse(
        bareRepo,
        branch,
        scratch,
        work -> {
          for (var file : files.entrySet()) {
            Path target = work.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
          }
        });
  }

  /** A change to a work tree: files, links, index entries made with the CLI. */
  interface WorkTreeChange {
    void apply(Path work) throws IOException;
  }

  /**
   * Commits what {@code change} does to a clone of {@code branch} of {@code bareRepo}, and pushes
   * it.
   */
  static void commitAsSomeoneElse(Path bareRepo, String branch, Path scratch, WorkTreeChange change)
      throws IOException {
    Path work = Files.createTempDirectory(scratch, "other-writer");
    git(work, "init", "--quiet");
    git(work, "remote", "add", "origin", bareRepo.toString());
    if (!run(work, "ls-remote", "--exit-code", "origin", "refs/heads/" + branch)
        .output()
        .isBlank()) {
      git(work, "fetch", "--quiet", "origin", branch);
      git(work, "checkout", "--quiet", "-B", branch, "FETCH_HEAD");
    } else {
      git(work, "checkout", "--quiet", "-b", branch);
    }
    change.apply(work);
    git(work, "add", "-A");
    git(work, "commit", "--quiet", "-m", "someone else's change");
    git(work, "push", "--quiet", "origin", branch);
  }

  /** Number of commits on {@code branch}. */
  static int commitCount(Path bareRepo, String branch) {
    return Integer.parseInt(git(bareRepo, "rev-list", "--count", branch));
  }

  /** A TCP port on 127.0.0.1 that nothing listens on (right now). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /**
   * A {@code git daemon} serving every repository under {@code base} on 127.0.0.1, push enabled.
   */
  static Process startDaemon(Path base, int port) throws IOException, InterruptedException {
    Process daemon =
        new ProcessBuilder(
                "git",
                "daemon",
                "--reuseaddr",
                "--base-path=" + base,
                "--export-all",
                "--enable=receive-pack",
                "--informative-errors",
                "--listen=127.0.0.1",
                "--port=" + port,
                base.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return daemon;
      } catch (IOException notYet) {
        if (!daemon.isAlive()) {
          throw new IllegalStateException("git daemon exited with " + daemon.exitValue());
        }
        Thread.sleep(50);
      }
    }
    daemon.destroyForcibly();
    throw new IllegalStateException("git daemon did not start listening on port " + port);
  }

  /**
   * What a git command did.
   *
   * @param exitCode its exit code
   * @param output its standard output and error
   */
  record Result(int exitCode, String output) {}
}
