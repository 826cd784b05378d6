package dev.maas.commandline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.commandline.ExitCodes;
import dev.maas.commandline.MaasCommand;
import dev.maas.commandline.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The unchanged generate answered before picocli prints the same bytes and exits with the same
 * status as the full command, and leaves every other command line to it.
 */
class UpToDateRunTest {

  private static final Path ACME = Path.of("../../platform-specs/acme.yaml");
  private static final Path LINT =
      Path.of("../../tests/corpus/lint/01-higher-tier-lower-limit.yaml");

  @TempDir Path dir;
  private Path spec;
  private Path out;

  private record Run(int status, String out, String err) {}

  private interface Entry {
    int run(String[] args, PrintWriter out, PrintWriter err);
  }

  private static Run run(Entry entry, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = entry.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @BeforeEach
  void paths() {
    spec = dir.resolve("spec.yaml");
    out = dir.resolve("out");
  }

  private String[] generate(String... more) {
    return Stream.concat(
            Stream.of("generate", "--spec", spec.toString(), "--output", out.toString()),
            Stream.of(more))
        .toArray(String[]::new);
  }

  /** The fast path's answer, the whole entry's and the picocli command's, on the same state. */
  private Run sameFromEveryEntry(String... args) throws IOException {
    Map<Path, Long> before = modified(out);
    Run fast = run(UpToDateRun::run, args);
    assertNotEquals(UpToDateRun.NOT_ANSWERED, fast.status(), "answered without picocli");
    Run main = run(Main::run, args);
    Run full = run(MaasCommand::run, args);
    assertEquals(full, fast, "the fast path prints and exits as the full command");
    assertEquals(full, main);
    assertEquals(before, modified(out), "an unchanged run writes no file");
    return full;
  }

  @Test
  void anUnchangedRunWithoutWarningsPrintsTheSameBytes() throws IOException {
    Files.copy(ACME, spec);
    assertEquals(ExitCodes.OK, run(MaasCommand::run, generate()).status());
    Run again = sameFromEveryEntry(generate());
    assertEquals(new Run(0, "maas: up to date; nothing rendered or written\n", ""), again);
  }

  @Test
  void anUnchangedRunReplaysItsWarningsAndItsGateTheSame() throws IOException {
    Files.copy(LINT, spec);
    assertEquals(ExitCodes.OK, run(MaasCommand::run, generate()).status());

    Run open = sameFromEveryEntry(generate());
    assertEquals(ExitCodes.OK, open.status());
    assertEquals(4, open.err().lines().filter(l -> l.contains(": warning: ")).count(), open.err());

    Run gated = sameFromEveryEntry(generate("--fail-on-warning"));
    assertEquals(ExitCodes.INPUT, gated.status());
    assertTrue(gated.err().endsWith("0 errors, 4 warnings (--fail-on-warning)\n"), gated.err());
    assertTrue(gated.out().contains("up to date"), gated.out());

    // The same command line in the other spellings picocli reads.
    assertEquals(
        gated,
        sameFromEveryEntry("generate", "--fail-on-warning", "--output=" + out, "--spec=" + spec));
  }

  @Test
  void aChangedSpecIsLeftToTheFullCommandWhichPrintsAsWithoutTheFastPath() throws IOException {
    Files.copy(LINT, spec);
    assertEquals(ExitCodes.OK, run(MaasCommand::run, generate()).status());
    Files.writeString(spec, Files.readString(spec) + "# changed\n");
    Path saved = dir.resolve("saved");
    copyTree(out, saved);

    Run fast = run(UpToDateRun::run, generate("--fail-on-warning"));
    assertEquals(new Run(UpToDateRun.NOT_ANSWERED, "", ""), fast, "nothing printed when declined");

    Run main = run(Main::run, generate("--fail-on-warning"));
    deleteTree(out);
    copyTree(saved, out);
    Run full = run(MaasCommand::run, generate("--fail-on-warning"));
    assertEquals(full, main);
    assertEquals(ExitCodes.INPUT, main.status(), main.err());
    assertTrue(!main.out().contains("up to date"), main.out());
  }

  @Test
  void aForcedRunAndAnUnreadSpecAreLeftToTheFullCommand() throws IOException {
    Files.copy(ACME, spec);
    assertEquals(ExitCodes.OK, run(MaasCommand::run, generate()).status());
    assertEquals(UpToDateRun.NOT_ANSWERED, run(UpToDateRun::run, generate("--force")).status());
    Files.delete(spec);
    assertEquals(new Run(UpToDateRun.NOT_ANSWERED, "", ""), run(UpToDateRun::run, generate()));
    Run missing = run(Main::run, generate());
    assertEquals(ExitCodes.INPUT, missing.status(), missing.err());
    assertTrue(missing.err().contains("no such file or folder"), missing.err());
  }

  @Test
  void onlyCommandLinesPicocliReadsTheSameWayAreTaken() {
    for (String[] args :
        List.of(
            new String[] {"generate"},
            new String[] {"generate", "--spec", "a.yaml"},
            new String[] {"generate", "--spec=a.yaml", "--output", "o", "--fail-on-warning"},
            new String[] {"generate", "--crds", "c", "--overlays=ov", "--output=o=x"},
            new String[] {"generate", "--fail-on-warning", "--spec", "s p a c e.yaml"})) {
      GenerateArguments plain = GenerateArguments.plain(args);
      PlatformCommands.Generate command = new PlatformCommands.Generate();
      new CommandLine(command).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
      String line = String.join(" ", args);
      assertEquals(command.specOptions.spec, plain.spec(), line);
      assertEquals(command.outputOptions.output, plain.output(), line);
      assertEquals(command.outputOptions.crds, plain.crds(), line);
      assertEquals(command.outputOptions.overlays, plain.overlays(), line);
      assertEquals(command.specOptions.failOnWarning, plain.failOnWarning(), line);
    }
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"validate"},
            new String[] {"--help", "generate"},
            new String[] {"generate", "--force"},
            new String[] {"generate", "--timings"},
            new String[] {"generate", "--help"},
            new String[] {"generate", "--spec"},
            new String[] {"generate", "--spec="},
            new String[] {"generate", "--spec", "a", "--spec", "b"},
            new String[] {"generate", "--fail-on-warning", "--fail-on-warning"},
            new String[] {"generate", "--spec", "--output"},
            new String[] {"generate", "@args.txt"},
            new String[] {"generate", "--spec", "@args.txt"},
            new String[] {"generate", "--", "x"},
            new String[] {"generate", "--sp", "a"},
            new String[] {"generate", "extra"},
            new String[] {"generate", "--output", "a\0b"})) {
      assertNull(GenerateArguments.plain(args), String.join(" ", args));
    }
  }

  private static Map<Path, Long> modified(Path root) throws IOException {
    Map<Path, Long> times = new TreeMap<>();
    if (!Files.exists(root)) {
      return times;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        times.put(root.relativize(file), Files.getLastModifiedTime(file).toMillis());
      }
    }
    return times;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
