package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compiling generate in a forked JVM writes the same files and logs the same lines as in Maven's
 * JVM, fails the same way on a spec error, and an unchanged run never forks.
 */
class ForkedGenerateTest {

  @TempDir Path dir;

  private static final Path REPO = Path.of(System.getProperty("maas.repoRoot", ".."));

  private GenerateMojo mojo(Path spec, String out, boolean fork, RecordingLog log) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.basedir = dir.toFile();
    mojo.spec = spec.toFile();
    mojo.outputDirectory = dir.resolve(out).toFile();
    mojo.pluginVersion = "test";
    mojo.fork = fork;
    mojo.setLog(log);
    return mojo;
  }

  private Path acme() throws IOException {
    // Two warnings, so the relayed diagnostics are not an empty list.
    return Files.writeString(
        dir.resolve("acme.yaml"),
        Files.readString(REPO.resolve("platform-specs/acme.yaml"))
            .replace("displayName: Free\n", "displayName: on\n")
            .replace("      credentials: {secretName: hf-token}\n", ""));
  }

  @Test
  void forkedRunWritesAndLogsAsInMavensJvm() throws Exception {
    Path spec = acme();
    RecordingLog inProcess = new RecordingLog();
    mojo(spec, "in-process", false, inProcess).execute();
    RecordingLog forked = new RecordingLog();
    mojo(spec, "forked", true, forked).execute();

    assertEquals(files(dir.resolve("in-process")), files(dir.resolve("forked")));
    assertTrue(files(dir.resolve("forked")).size() > 20, "a whole tree was written");
    List<String> expected =
        inProcess.lines.stream().map(line -> line.replace("in-process", "forked")).toList();
    assertEquals(expected, forked.lines);
    assertTrue(forked.lines.stream().anyMatch(l -> l.startsWith("[INFO] maas: wrote ")));
    assertEquals(
        3,
        forked.lines.stream().filter(l -> l.startsWith("[WARNING] ")).count(),
        forked.lines::toString);
  }

  @Test
  void specErrorFailsWithTheSameLinesAndNoStackTrace() throws Exception {
    Path spec =
        Files.copy(
            REPO.resolve("tests/src/it/validate-invalid/platform-specs/broken.yaml"),
            dir.resolve("broken.yaml"));
    RecordingLog inProcess = new RecordingLog();
    MojoFailureException expected =
        assertThrows(
            MojoFailureException.class, mojo(spec, "in-process", false, inProcess)::execute);
    RecordingLog forked = new RecordingLog();
    MojoFailureException failed =
        assertThrows(MojoFailureException.class, mojo(spec, "forked", true, forked)::execute);

    assertEquals("maas: 3 errors, 0 warnings", failed.getMessage());
    assertEquals(expected.getMessage(), failed.getMessage());
    assertNull(failed.getCause(), "a spec error carries no stack trace");
    assertEquals(inProcess.lines, forked.lines);
    assertEquals(4, forked.lines.size(), forked.lines::toString);
    assertTrue(
        forked.lines.get(0).startsWith("[ERROR] broken.yaml:27:39: error: "),
        forked.lines::toString);
    assertFalse(forked.withThrowable);
    assertFalse(Files.exists(dir.resolve("forked")), "nothing written");
  }

  @Test
  void unchangedRunIsAnsweredWithoutForking() throws Exception {
    Path spec = acme();
    mojo(spec, "out", true, new RecordingLog()).execute();

    // A java that does not exist: a run that forked would fail.
    RecordingLog again = new RecordingLog();
    GenerateMojo unchanged = mojo(spec, "out", true, again);
    unchanged.jvm = dir.resolve("no-such-jdk/bin/java").toFile();
    unchanged.execute();
    assertTrue(
        again.lines.get(again.lines.size() - 1).contains(" is up to date "), again.lines::toString);

    GenerateMojo forced = mojo(spec, "out", true, new RecordingLog());
    forced.jvm = unchanged.jvm;
    forced.force = true;
    MojoExecutionException noJava = assertThrows(MojoExecutionException.class, forced::execute);
    assertTrue(noJava.getMessage().contains("maas.fork=false"), noJava.getMessage());
  }

  /** Every file under {@code root} by relative name, with its bytes as text. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
