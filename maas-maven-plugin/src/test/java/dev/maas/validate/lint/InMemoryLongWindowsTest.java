package dev.maas.validate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows of an hour or more warn only where some environment counts them in memory. */
class InMemoryLongWindowsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();

  private static List<String> found(String text) {
    return new SpecValidator()
        .validate(text.getBytes(StandardCharsets.UTF_8), "spec.yaml").diagnostics().stream()
            .filter(d -> d.code().equals(new InMemoryLongWindows().code()))
            .map(Diagnostic::render)
            .toList();
  }

  private static String contract() throws IOException {
    return Files.readString(ROOT.resolve("../shared/contract/example-platform.yaml"));
  }

  @Test
  void theContractSpecWarnsForDevsInMemoryDailyQuota() throws IOException {
    assertEquals(
        List.of(
            "spec.yaml:46:38: warning: /spec/tiers/1/limits/tokens/1/window: the 1d window is counted in"
                + " memory in environment `dev`: a Limitador restart resets its counters (users start a fresh 1d quota), and"
                + " while Limitador is down rate limiting fails open (set spec.limitador.storage.redis.secretName (or"
                + " storage.disk.size), or mark the environment `production: true`) [in-memory-long-windows]"),
        found(contract()));
  }

  @Test
  void redisOrADiskOrProductionEverywhereSilencesIt() throws IOException {
    assertEquals(List.of(), found(withLimitadorStorage("{redis: {secretName: limitador-redis}}")));
    assertEquals(List.of(), found(withLimitadorStorage("{disk: {size: 2Gi}}")));
    assertEquals(
        List.of(),
        found(
            contract().replace("    - name: dev\n", "    - name: dev\n      production: true\n")));
    assertEquals(
        1,
        found(
                contract()
                    .replace("    - name: prod\n", "    - name: prod\n      production: false\n"))
            .size());
  }

  @Test
  void theShippedSpecIsSilent() throws IOException {
    assertEquals(List.of(), found(Files.readString(ROOT.resolve("platform-specs/acme.yaml"))));
  }

  /** The contract's spec with {@code spec.limitador.storage} set to {@code storage}. */
  private static String withLimitadorStorage(String storage) throws IOException {
    String observability = "  observability:\n";
    return contract()
        .replace(observability, "  limitador: {storage: " + storage + "}\n" + observability);
  }
}
