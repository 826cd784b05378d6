package dev.maas.docs;

import dev.maas.diag.DiagnosticCode;
import dev.maas.diag.Severity;
import dev.maas.diag.StageCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders {@code docs/diagnostics.md} from the catalogue: one section per code with its severity,
 * summary and, where the test corpus has one, an example: the spec line a case points at and the
 * line the compiler prints for it.
 */
public final class DiagnosticsReference {

  /** The command that rewrites the page. */
  public static final String REGENERATE =
      "./mvnw -q -pl maas-maven-plugin test -Dtest=DiagnosticsDocTest -Dmaas.updateDocs=true";

  /** The corpus folders examples come from, the invalid specs first. */
  private static final List<String> CORPORA = List.of("invalid", "lint", "valid");

  /** A printed diagnostic line: file, line, column, then the rest ending in its code. */
  private static final Pattern PRINTED =
      Pattern.compile("([^:]+\\.yaml)(?::([0-9]+):[0-9]+)?: .* \\[([^\\]]+)\\]");

  /**
   * One example of a code.
   *
   * @param spec the case, relative to the repository root, e.g. {@code
   *     tests/corpus/invalid/07-window-pattern.yaml}
   * @param line the line of the spec the diagnostic points at, or 0 for the whole file
   * @param source that line as written, or empty
   * @param printed the diagnostic as the compiler prints it
   */
  public record Example(String spec, int line, String source, String printed) {}

  private final List<StageCodes.Group> sections;
  private final Map<String, Example> examples;

  /** A page of {@code sections}, with the first example of each code among {@code examples}. */
  public DiagnosticsReference(List<StageCodes.Group> sections, Map<String, Example> examples) {
    this.sections = List.copyOf(sections);
    this.examples = Map.copyOf(examples);
  }

  /**
   * The first example of each code in the corpora under {@code repoRoot}/tests/corpus: the invalid
   * specs, then the lint specs, then the valid ones' warnings, each in file name order.
   */
  public static Map<String, Example> examples(Path repoRoot) {
    Map<String, Example> found = new HashMap<>();
    for (String corpus : CORPORA) {
      Path folder = repoRoot.resolve("tests/corpus").resolve(corpus);
      try (Stream<Path> files = Files.list(folder)) {
        for (Path printed :
            files
                .filter(
                    p -> p.toString().endsWith(".expected") || p.toString().endsWith(".warnings"))
                .sorted()
                .toList()) {
          Path spec =
              printed.resolveSibling(
                  printed.getFileName().toString().replaceFirst("\\.[a-z]+$", ".yaml"));
          // Decoded leniently: the corpus holds specs that are not UTF-8 on purpose.
          List<String> specLines =
              List.of(
                  new String(Files.readAllBytes(spec), StandardCharsets.UTF_8).split("\r?\n", -1));
          for (String line : Files.readAllLines(printed, StandardCharsets.UTF_8)) {
            Matcher m = PRINTED.matcher(line);
            if (m.matches() && !found.containsKey(m.group(3))) {
              int at = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
              String source = at > 0 && at <= specLines.size() ? specLines.get(at - 1) : "";
              found.put(
                  m.group(3),
                  new Example(
                      "tests/corpus/" + corpus + "/" + spec.getFileName(), at, source, line));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** The page. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Diagnostics\n\n");
    out.append(
            "<!-- Generated from the catalogue of codes by DiagnosticsDocTest; do not edit. Regenerate with:\n     ")
        .append(REGENERATE)
        .append(" -->\n\n");
    out.append(
        "Every line maas prints about a spec or its output ends with a code in brackets, e.g.\n"
            + "`[unique-tier-names]`. This page lists every code: its severity, what it means, and an example from the\n"
            + "test corpus (`tests/corpus/`), with the spec line the example points at and the line printed for it.\n"
            + "A rule's code is its class name (`UniqueTierNames` → `unique-tier-names`); the codes of other stages\n"
            + "are named after the stage (`yaml.`, `schema.`, `crd.`, `proof.`, `publish.`, ...).\n\n");
    out.append(
        "A spec may accept a warning (never an error) under `spec.diagnostics.suppress`, by code, at one place\n"
            + "(`at`, a JSON pointer as the warning prints it) or everywhere, always with a reason; a suppression that\n"
            + "matches no warning is reported as [`suppression.unused`](#suppressionunused):\n\n"
            + "```yaml\n"
            + "spec:\n"
            + "  diagnostics:\n"
            + "    suppress:\n"
            + "      - code: token-limit-below-response\n"
            + "        at: /spec/tiers/0/limits/tokens/0\n"
            + "        reason: the free tier is a demo; one answer a minute is what it is for\n"
            + "```\n\n");
    out.append("## Contents\n\n");
    for (StageCodes.Group section : sections) {
      out.append("- ").append(section.title()).append(": ");
      out.append(
          String.join(
              ", ",
              section.codes().stream()
                  .map(c -> "[`" + c.code() + "`](#" + c.anchor() + ")")
                  .toList()));
      out.append('\n');
    }
    for (StageCodes.Group section : sections) {
      out.append("\n# ").append(section.title()).append('\n');
      for (DiagnosticCode code : section.codes()) {
        out.append("\n## `").append(code.code()).append("`\n\n");
        out.append(code.severity() == Severity.ERROR ? "Error" : "Warning")
            .append(": ")
            .append(code.summary())
            .append(".\n");
        Example example = examples.get(code.code());
        if (example != null) {
          out.append("\nExample: [`")
              .append(example.spec())
              .append("`](../")
              .append(example.spec())
              .append(")");
          if (example.line() > 0) {
            out.append(", line ")
                .append(example.line())
                .append(":\n\n```yaml\n")
                .append(example.source())
                .append("\n```");
          }
          out.append("\n\n```text\n").append(example.printed()).append("\n```\n");
        }
      }
    }
    return out.toString();
  }
}
