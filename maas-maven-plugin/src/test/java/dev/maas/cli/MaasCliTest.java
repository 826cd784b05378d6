package dev.maas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.MaasCompiler;
import dev.maas.output.TreeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit statuses and messages when the machine, not the spec, is at fault. */
class MaasCliTest {

  private static final Path ROOT =
      Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();

  @TempDir Path out;

  @Test
  void aFullDiskIsAnIoErrorWithThePathAndLeavesNoStagingFolder() throws IOException {
    // The disk fills up on the third file: what the operating system reports for a full disk
    // (ENOSPC).
    int[] written = {0};
    MaasCompiler full =
        new MaasCompiler()
            .withWriter(
                new TreeWriter(
                    path -> {
                      if (++written[0] == 3) {
                        throw new IOException("No space left on device");
                      }
                    }));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int status =
        MaasCli.run(
            new String[] {
              "generate",
              "--spec",
              ROOT.resolve("platform-specs/acme.yaml").toString(),
              "--output",
              out.toString()
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            full);
    String err = stderr.toString(StandardCharsets.UTF_8);

    assertEquals(MaasCli.IO_ERROR, status, err);
    assertEquals(4, MaasCli.IO_ERROR);
    assertTrue(
        err.startsWith(
            "maas: error: cannot write the output to "
                + out.resolve("acme")
                + ": no space left on device (while writing "),
        err);
    assertFalse(
        err.contains("internal error") || err.contains("bug in maas") || err.contains("\tat "),
        err);
    assertTrue(err.contains(TreeWriter.FAILED_WRITE_HINT), err);
    try (Stream<Path> left = Files.list(out)) {
      List<String> names = left.map(p -> p.getFileName().toString()).toList();
      assertFalse(
          names.stream().anyMatch(n -> n.endsWith(".staging") || n.endsWith(".old")),
          names.toString());
      assertFalse(names.contains("acme"), "nothing was written: " + names);
    }
  }
}
