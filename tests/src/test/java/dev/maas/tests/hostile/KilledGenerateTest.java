package dev.maas.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.cli.MaasCli;
import dev.maas.tests.synthetic.SyntheticSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code maas generate} as a separate JVM on a large synthetic spec and kills it while it
 * writes: the previous output survives byte for byte (or the new one is complete, when the swap had
 * finished), and the next run recovers and completes. Two runs into one folder at once never
 * interleave.
 */
class KilledGenerateTest {

  @TempDir static Path dir;

  private static Path smallSpec;
  private static Path bigSpec;
  private static Path otherBigSpec;
  private static Map<String, String> bigOutput;
  private static Map<String, String> otherBigOutput;

  @BeforeAll
  static void specsAndTheirOutputs() throws IOException {
    smallSpec = dir.resolve("small.yaml");
    bigSpec = dir.resolve("big.yaml");
    otherBigSpec = dir.resolve("other-big.yaml");
    Files.writeString(smallSpec, SyntheticSpecs.spec(40, 4, 2));
    Files.writeString(bigSpec, SyntheticSpecs.spec(600, 12, 2));
    Files.writeString(otherBigSpec, SyntheticSpecs.spec(560, 12, 2));
    bigOutput = inProcess(bigSpec, dir.resolve("expected-big"));
    otherBigOutput = inProcess(otherBigSpec, dir.resolve("expected-other"));
    assertFalse(bigOutput.equals(otherBigOutput));
  }

  private static Map<String, String> inProcess(Path spec, Path out) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        MaasCli.run(
            new String[] {
              "generate", "--spec", spec.toString(), "--output", out.toString(), "--force"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));
    assertEquals(0, status, err::toString);
    return OutputSnapshot.of(out.resolve("synth")).contentDigest();
  }

  private static Process start(Path spec, Path out) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xss4m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.maas.cli.MaasCli",
            "generate",
            "--spec",
            spec.toString(),
            "--output",
            out.toString(),
            "--force")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("process-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  @Test
  void aKilledRunLeavesThePreviousOutputAndTheNextRunRecovers() throws Exception {
    Path out = dir.resolve("killed");
    assertEquals(
        0,
        MaasCli.run(
            new String[] {"generate", "--spec", smallSpec.toString(), "--output", out.toString()},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream())));
    Path target = out.resolve("synth");
    Path staging = out.resolve(".synth.staging");
    OutputSnapshot previous = OutputSnapshot.of(target);
    int midWrite = 0;
    List<String> outcomes = new ArrayList<>();
    for (long delayMillis : new long[] {0, 5, 30, 120, 400}) {
      Process p = start(bigSpec, out);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(staging) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      Thread.sleep(delayMillis);
      boolean stagingAtKill = Files.exists(staging);
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      OutputSnapshot after = OutputSnapshot.of(target);
      if (after.contentDigest().equals(bigOutput)) {
        outcomes.add(delayMillis + " ms: the swap had finished; the new output is complete");
        previous = after; // the next kill must keep this one
      } else {
        assertEquals(
            List.of(), previous.differences(after), "killed " + delayMillis + " ms into the write");
        outcomes.add(
            delayMillis
                + " ms: previous output intact"
                + (stagingAtKill ? " (killed mid-write)" : ""));
        if (stagingAtKill) {
          midWrite++;
        }
      }
    }
    System.out.println("killed generate: " + outcomes);
    assertTrue(
        midWrite >= 2, "too few kills landed while the staging folder was written: " + outcomes);

    Process rerun = start(bigSpec, out);
    assertTrue(rerun.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, rerun.exitValue());
    assertEquals(
        bigOutput,
        OutputSnapshot.of(target).contentDigest(),
        "the next run completes the new output");
    assertFalse(Files.exists(staging), "the staging folder is cleaned up");
    assertFalse(Files.exists(out.resolve(".synth.old")));
  }

  @Test
  void twoRunsIntoOneFolderAtOnceDoNotInterleave() throws Exception {
    Path out = dir.resolve("race");
    Process a = start(bigSpec, out);
    Process b = start(otherBigSpec, out);
    assertTrue(a.waitFor(180, TimeUnit.SECONDS) && b.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, a.exitValue());
    assertEquals(0, b.exitValue());
    Map<String, String> result = OutputSnapshot.of(out.resolve("synth")).contentDigest();
    assertTrue(
        result.equals(bigOutput) || result.equals(otherBigOutput),
        "the folder mixes the two outputs: " + result.size() + " files");
  }
}
