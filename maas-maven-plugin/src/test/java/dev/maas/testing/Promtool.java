package dev.maas.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's rule checker and tester, run on generated rules.
 *
 * @param exitValue how the run ended
 * @param output what it printed, standard error included
 */
public record Promtool(int exitValue, String output) {

  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Skips the test when promtool is not installed; {@code unchecked} says what goes unchecked. */
  public static void assumeInstalled(String unchecked) {
    Assumptions.assumeTrue(
        Files.isExecutable(PROMTOOL),
        "promtool is not installed (Debian: apt-get install prometheus); " + unchecked);
  }

  /**
   * Writes {@code rules} (a PrometheusRule's spec, {groups: [...]}, exactly a rule file) to {@code
   * file}, which promtool reads.
   */
  public static void writeRuleFile(Path file, JsonNode rules) throws IOException {
    YAML.writeValue(file.toFile(), rules);
  }

  /** Runs {@code promtool args} in {@code dir} and waits up to a minute for it. */
  public static Promtool run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(args));
    Process run =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    return new Promtool(run.exitValue(), output);
  }
}
