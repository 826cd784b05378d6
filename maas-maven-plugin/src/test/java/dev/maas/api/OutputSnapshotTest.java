package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec of the corpora that compiles gives, byte for byte, the output recorded in {@code
 * snapshots/output-digests.txt}: a refactoring of the compiler must not change one byte of what it
 * writes. {@code -Dmaas.updateSnapshot=true} records the current output (only when a change of
 * output is meant).
 */
class OutputSnapshotTest {

  private static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/output-digests.txt");

  private static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /**
   * The specs that compile: the default ones (with the repository's overlays), the valid and lint
   * corpora, the contract's.
   */
  private static List<String[]> specs() throws IOException {
    List<String[]> specs = new ArrayList<>();
    specs.add(new String[] {"platform-specs/acme.yaml", "overlays"});
    for (String folder : List.of("tests/corpus/valid", "tests/corpus/lint")) {
      try (Stream<Path> files = Files.list(repoRoot().resolve(folder))) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".yaml"))
            .sorted()
            .forEach(n -> specs.add(new String[] {folder + "/" + n, null}));
      }
    }
    Path contract = repoRoot().resolve("../shared/contract/example-platform.yaml").normalize();
    if (Files.isRegularFile(contract)) {
      specs.add(new String[] {contract.toString(), null});
    }
    return specs;
  }

  @Test
  void everyCorpusSpecWritesTheRecordedBytes(@TempDir Path temp) throws IOException {
    StringBuilder digests = new StringBuilder();
    int spec = 0;
    for (String[] entry : specs()) {
      Path file = Path.of(entry[0]).isAbsolute() ? Path.of(entry[0]) : repoRoot().resolve(entry[0]);
      Path out = temp.resolve("out-" + spec++);
      GenerateResult result =
          new MaasCompiler()
              .generate(
                  new GenerateRequest(
                      repoRoot(),
                      file,
                      out,
                      null,
                      entry[1] == null ? null : repoRoot().resolve(entry[1]),
                      "snapshot",
                      true));
      assertFalse(result.hasErrors(), entry[0] + ": " + result.diagnostics());
      String name = entry[0].startsWith("/") ? "contract/" + file.getFileName() : entry[0];
      List<Path> written;
      try (Stream<Path> walk = Files.walk(out)) {
        written =
            walk.filter(Files::isRegularFile)
                .filter(p -> !out.relativize(p).toString().startsWith("."))
                .sorted()
                .toList();
      }
      assertFalse(written.isEmpty(), entry[0] + " wrote nothing");
      for (Path p : written) {
        digests
            .append(name)
            .append(' ')
            .append(out.relativize(p).toString().replace('\\', '/'))
            .append(' ')
            .append(sha256(Files.readAllBytes(p)))
            .append('\n');
      }
      // The plan of the spec against the default spec's output: the object diff and the reports,
      // byte for byte.
      Path plan = temp.resolve("plan-" + spec + "/plan.md");
      PlanResult planned =
          new MaasCompiler()
              .plan(
                  new PlanOptions(
                      new GenerateRequest(
                          repoRoot(),
                          file,
                          temp.resolve("unused"),
                          null,
                          entry[1] == null ? null : repoRoot().resolve(entry[1]),
                          "snapshot"),
                      temp.resolve("out-0/acme").toString(),
                      null,
                      temp.resolve("git"),
                      plan));
      assertFalse(planned.hasErrors(), entry[0] + ": " + planned.diagnostics());
      for (Path p : List.of(plan, planned.json())) {
        // The base is named by its (temporary) folder: that name is the one part that differs
        // between runs.
        String text =
            Files.readString(p, StandardCharsets.UTF_8).replace(temp.toString(), "<temp>");
        digests
            .append(name)
            .append(" plan/")
            .append(p.getFileName())
            .append(' ')
            .append(sha256(text.getBytes(StandardCharsets.UTF_8)))
            .append('\n');
      }
    }
    if (Boolean.getBoolean("maas.updateSnapshot")) {
      Files.createDirectories(SNAPSHOT.getParent());
      Files.writeString(SNAPSHOT, digests.toString(), StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.isRegularFile(SNAPSHOT), "no snapshot; record one with -Dmaas.updateSnapshot=true");
    List<String> recorded = Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8);
    List<String> now = digests.toString().lines().toList();
    List<String> gone = recorded.stream().filter(l -> !now.contains(l)).toList();
    List<String> come = now.stream().filter(l -> !recorded.contains(l)).toList();
    assertEquals(
        List.of(),
        gone,
        "recorded output that is no longer written (now written instead: " + come + ")");
    assertEquals(recorded, now);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
