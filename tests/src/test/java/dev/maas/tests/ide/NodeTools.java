package dev.maas.tests.ide;

import static org.junit.jupiter.api.Assertions.assertTrue;
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
   * Skips the calling test, saying why, when {@code node} does not run or when the editor tooling
   * is missing and {@code npm} is not on the PATH; these are the only reasons an IDE test may skip.
   * The build installs the tooling ({@code tests/ide/NpmInstall.java}, in {@code
   * generate-test-resources}) wherever npm is on the PATH, so there a missing {@code node_modules}
   * fails the test.
   */
  static void assumeInstalled() {
    assumeTrue(
        nodeVersion() != null, "node is not on the PATH: the IDE tests need Node.js 18 or newer");
    Path modules = ideDir().resolve("node_modules");
    boolean installed =
        Files.isDirectory(modules.resolve("yaml-language-server"))
            && Files.isDirectory(modules.resolve("ajv-cli"));
    assumeTrue(
        installed || onPath("npm"),
        modules + " is missing and npm is not on the PATH to install it");
    assertTrue(
        installed,
        modules
            + " is missing although npm is on the PATH: the tests module's build installs it"
            + " (tests/ide/NpmInstall.java); run the tests through Maven, or tests/ide/install.sh");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()
          && (Files.isExecutable(Path.of(dir, tool))
              || Files.isExecutable(Path.of(dir, tool + ".cmd")))) {
        return true;
      }
    }
    return false;
  }

  private static String nodeVersion() {
    try {
      Run run = run(List.of("node", "--version"), repoRoot(), 30);
      return run.exitCode() == 0 ? run.stdout().trim() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Runs {@code command} in {@code dir}, failing when it does not end within {@code
   * timeoutSeconds}.
   */
  static Run run(List<String> command, Path dir, long timeoutSeconds) throws IOException {
    Path out = Files.createTempFile("maas-node-", ".out");
    Path err = Files.createTempFile("maas-node-", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IOException(
              String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
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
