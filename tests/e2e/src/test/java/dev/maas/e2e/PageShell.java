package dev.maas.e2e;

import dev.maas.e2e.guide.InstallOutcomes;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One bash for a whole page, as a reader's terminal: the variables a block sets are there for the
 * next ones, and what a block starts in the background keeps running. Each block or probe is
 * written to a file and sourced with its output to a file of its own; a block runs under {@code set
 * -e}, so its first failing command ends the shell (and the page), a probe does not.
 */
final class PageShell implements AutoCloseable, InstallOutcomes.Shell {

  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);

  private final Process bash;
  private final Writer stdin;
  private final Path logs;
  private final Set<ProcessHandle> started = new LinkedHashSet<>();
  private int count;

  /**
   * Starts bash in {@code folder} with {@code env} added; scripts and outputs go to {@code logs}.
   */
  PageShell(Path folder, Map<String, String> env, Path logs) throws IOException {
    this.logs = Files.createDirectories(logs);
    ProcessBuilder builder =
        new ProcessBuilder("bash", "--noprofile", "--norc")
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("shell.log").toFile());
    // The outer build's own Maven settings must not leak into the reader's commands.
    builder.environment().remove("MAVEN_PROJECTBASEDIR");
    builder.environment().remove("MAVEN_BASEDIR");
    builder.environment().remove("MAVEN_CONFIG");
    builder.environment().putAll(env);
    bash = builder.start();
    stdin = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Runs one block of the page; a failing command stops it there, with the exit status of that
   * command. The shell is gone afterwards, as the reader's would be after {@code set -e}.
   */
  InstallOutcomes.Result block(String script, Duration timeout)
      throws IOException, InterruptedException {
    return source(script, true, timeout);
  }

  /** Runs a probe after a block, in the same shell; a failure leaves the shell as it was. */
  @Override
  public InstallOutcomes.Result run(String script) throws IOException, InterruptedException {
    return source(script, false, PROBE_TIMEOUT);
  }

  private InstallOutcomes.Result source(String script, boolean stopOnError, Duration timeout)
      throws IOException, InterruptedException {
    if (!bash.isAlive()) {
      return new InstallOutcomes.Result(-1, "the page's shell ended with an earlier failure");
    }
    int n = ++count;
    Path file = Files.writeString(logs.resolve(n + ".sh"), script);
    Path out = logs.resolve(n + ".out");
    Path status = logs.resolve(n + ".status");
    // stdin is /dev/null: a command that reads its input must not eat the next script.
    String source = ". '" + file + "' < /dev/null > '" + out + "' 2>&1";
    String line =
        stopOnError
            ? "set -e; " + source + "; set +e; echo 0 > '" + status + ".tmp'"
            : "set +e; " + source + "; echo $? > '" + status + ".tmp'";
    stdin.write(line + "; mv '" + status + ".tmp' '" + status + "'\n");
    stdin.flush();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(status)) {
      bash.descendants().forEach(started::add);
      if (!bash.isAlive()) {
        return new InstallOutcomes.Result(bash.exitValue(), read(out));
      }
      if (System.nanoTime() > deadline) {
        close();
        return new InstallOutcomes.Result(
            -1, read(out) + "\n(timed out after " + timeout + "; the shell was stopped)");
      }
      Thread.sleep(200);
    }
    bash.descendants().forEach(started::add);
    return new InstallOutcomes.Result(
        Integer.parseInt(Files.readString(status).strip()), read(out));
  }

  private static String read(Path out) throws IOException {
    return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
  }

  /** Stops what the page started in the background (a port-forward), then the shell. */
  @Override
  public void close() {
    // Only the processes this shell started: its children now, and those seen while it ran (a
    // background job outlives a shell that ended on a failure).
    bash.descendants().forEach(started::add);
    started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    bash.destroy();
  }
}
