package dev.maas.tests.ide;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds Node.js and the npm project in tests/ide, and runs its tools as child processes. */
final class NodeTools {

  /** What a finished child process printed. */
  record Run(int exitCode, String stdout, String stderr) {}

  private NodeTools() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  static Path ideDir() {
    return repoRoot().resolve("tests/ide");
  }

  /**
   * Skips the calling test, saying why, unless {@code node} runs and {@code tests/ide/install.sh} has
   * installed the editor tooling; these are the only reasons an IDE test may skip.
   */
  static void assumeInstalled() {
    assumeTrue(nodeVersion() != null, "node is not on the PATH: the IDE tests need Node.js 18 or newer");
    Path modules = ideDir().resolve("node_modules");
    assumeTrue(Files.isDirectory(modules.resolve("yaml-language-server")) && Files.isDirectory(modules.resolve("ajv-cli")),
        modules + " is missing: run tests/ide/install.sh (npm ci) to install the editor tooling");
  }

  private static String nodeVersion() {
    try {
      Run run = run(List.of("node", "--version"), repoRoot(), 30);
      return run.exitCode() == 0 ? run.stdout().trim() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Runs {@code command} in {@code dir}, failing when it does not end within {@code timeoutSeconds}. */
  static Run run(List<String> command, Path dir, long timeoutSeconds) throws IOException {
    Path out = Files.createTempFile("maas-node-", ".out");
    Path err = Files.createTempFile("maas-node-", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs a script of the npm project with node, in tests/ide. */
  static Run node(String script, List<String> args, long timeoutSeconds) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    return run(command, ideDir(), timeoutSeconds);
  }
}
