package dev.maas.commandline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.commandline.ExitCodes;
import dev.maas.commandline.MaasCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generate whose inputs are unchanged writes nothing, yet reports and gates as the run before.
 */
class GenerateUpToDateTest {

  private static final Path LINT_SPEC =
      Path.of("../../tests/corpus/lint/01-higher-tier-lower-limit.yaml");

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run maas(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = MaasCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void anUnchangedRunShowsTheRecordedWarningsAndFailsOnThemWhenAsked() throws IOException {
    Path output = dir.resolve("out");
    String[] generate = {"generate", "--spec", LINT_SPEC.toString(), "--output", output.toString()};
    Run first = maas(generate);
    assertEquals(ExitCodes.OK, first.status(), first.err());
    assertTrue(first.out().contains("0 errors, 4 warnings"), first.out());
    Map<Path, Long> written = modified(output);

    Run again = maas(generate);
    assertEquals(ExitCodes.OK, again.status(), again.err());
    assertTrue(again.out().contains("up to date"), again.out());
    assertEquals(
        4, again.err().lines().filter(l -> l.contains(": warning: ")).count(), again.err());
    assertEquals(written, modified(output), "an up-to-date run writes no file");

    String[] gated =
        Stream.concat(Stream.of(generate), Stream.of("--fail-on-warning")).toArray(String[]::new);
    Run refused = maas(gated);
    assertEquals(ExitCodes.INPUT, refused.status(), refused.out());
    assertTrue(refused.err().contains("0 errors, 4 warnings (--fail-on-warning)"), refused.err());
    assertEquals(written, modified(output), "a refused up-to-date run writes no file either");
  }

  @AfterEach
  void timingsOff() {
    System.clearProperty("maas.timings");
  }

  @Test
  void timingsNameEveryStageOfACompilingRun() {
    // The compiler's stages print to the process's standard error, the command line's own line to
    // its writer.
    ByteArrayOutputStream stages = new ByteArrayOutputStream();
    PrintStream before = System.err;
    Run run;
    System.setErr(new PrintStream(stages, true, StandardCharsets.UTF_8));
    try {
      run =
          maas(
              "generate",
              "--timings",
              "--spec",
              LINT_SPEC.toString(),
              "--output",
              dir.resolve("out").toString());
    } finally {
      System.setErr(before);
    }
    assertEquals(ExitCodes.OK, run.status(), run.err());
    String timings = stages.toString(StandardCharsets.UTF_8) + run.err();
    for (String stage :
        new String[] {"fingerprint", "validate", "render", "check", "write", "jvm"}) {
      assertTrue(timings.contains("maas: timing " + stage + " "), stage + " in " + timings);
    }
  }

  private static Map<Path, Long> modified(Path root) throws IOException {
    Map<Path, Long> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(file), Files.getLastModifiedTime(file).toMillis());
      }
    }
    return out;
  }
}
