package dev.maas.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The excerpts of reference output in docs/kinds/ are the golden output of the reference spec, so
 * they cannot drift from what the compiler writes: a YAML block preceded by {@code <!-- golden:
 * base/x.yaml -->} must appear in that golden file as it is, line for line; a line {@code # ...}
 * inside it stands for lines left out. Every generated manifest of the reference spec has an
 * excerpt on some page.
 */
class KindPagesTest {

  private static final Pattern MARKER = Pattern.compile("<!-- golden( maas-crds)?: (\\S+) -->");

  private static Path repoRoot() {
    return DocsCommandsTest.repoRoot();
  }

  private static Path golden() {
    return repoRoot().resolve("maas-maven-plugin/src/test/resources/golden/acme");
  }

  /** The golden output of the reference spec for the {@code maas-crds} target. */
  private static Path maasCrdsGolden() {
    return repoRoot().resolve("maas-maven-plugin/src/test/resources/golden/acme-maas-crds");
  }

  /**
   * An excerpt: where it is written, the golden file it quotes, and its text.
   *
   * @param maasCrds whether it quotes the {@code maas-crds} target's output ({@code <!-- golden
   *     maas-crds: ... -->})
   */
  record Excerpt(MarkdownBlocks.Block block, String goldenPath, boolean maasCrds) {

    Path root() {
      return maasCrds ? maasCrdsGolden() : golden();
    }
  }

  static List<Excerpt> excerpts() throws IOException {
    Path kinds = repoRoot().resolve("docs/kinds");
    List<Excerpt> excerpts = new ArrayList<>();
    try (Stream<Path> pages = Files.list(kinds)) {
      for (Path page :
          pages.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
        for (MarkdownBlocks.Block block :
            MarkdownBlocks.read(page, repoRoot().relativize(page).toString())) {
          Matcher marker = MARKER.matcher(block.before());
          if (marker.matches()) {
            excerpts.add(new Excerpt(block, marker.group(2), marker.group(1) != null));
          }
        }
      }
    }
    return excerpts;
  }

  @Test
  void everyExcerptIsTheGoldenOutput() throws IOException {
    List<Excerpt> excerpts = excerpts();
    assertTrue(
        excerpts.size() >= 25,
        "docs/kinds/ quotes at least 25 golden files, found " + excerpts.size());
    for (Excerpt excerpt : excerpts) {
      MarkdownBlocks.Block block = excerpt.block();
      assertEquals("yaml", block.language(), block.where() + ": an excerpt is a yaml block");
      Path file = excerpt.root().resolve(excerpt.goldenPath()).normalize();
      assertTrue(
          file.startsWith(excerpt.root()) && Files.isRegularFile(file),
          block.where() + ": no golden file " + file);
      List<String> golden = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<List<String>> chunks = chunks(block.text());
      assertTrue(
          chunks.stream().mapToInt(List::size).sum() >= 3,
          block.where() + ": an excerpt shows at least 3 lines");
      int from = 0;
      for (List<String> chunk : chunks) {
        int at = indexOf(golden, chunk, from);
        assertTrue(
            at >= 0,
            block.where()
                + ": these lines are not in "
                + excerpt.goldenPath()
                + (from > 0 ? " after the previous part" : "")
                + " (regenerated goldens? update the page):\n"
                + String.join("\n", chunk));
        from = at + chunk.size();
      }
    }
  }

  @Test
  void everyGeneratedManifestHasAnExcerpt() throws IOException {
    Set<String> quoted =
        excerpts().stream()
            .filter(e -> !e.maasCrds())
            .map(Excerpt::goldenPath)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> manifests = new TreeSet<>();
    for (String folder : List.of("base", "argocd")) {
      try (Stream<Path> files = Files.list(golden().resolve(folder))) {
        files
            .map(p -> folder + "/" + p.getFileName())
            .filter(p -> !p.endsWith("/kustomization.yaml"))
            .forEach(manifests::add);
      }
    }
    assertFalse(manifests.isEmpty(), "golden manifests under " + golden());
    manifests.removeAll(quoted);
    assertTrue(
        manifests.isEmpty(), "generated manifests without an excerpt in docs/kinds/: " + manifests);
  }

  @Test
  void theIndexLinksEveryPage() throws IOException {
    Path kinds = repoRoot().resolve("docs/kinds");
    String index = Files.readString(kinds.resolve("README.md"), StandardCharsets.UTF_8);
    try (Stream<Path> pages = Files.list(kinds)) {
      for (Path page :
          pages.filter(p -> p.toString().endsWith(".md")).collect(Collectors.toList())) {
        String name = page.getFileName().toString();
        assertTrue(
            name.equals("README.md") || index.contains("(" + name + ")"),
            "docs/kinds/README.md links " + name);
      }
    }
  }

  /** The excerpt's lines, split at {@code # ...} lines into parts that each appear unbroken. */
  static List<List<String>> chunks(String text) {
    List<List<String>> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : text.lines().collect(Collectors.toList())) {
      if (line.trim().equals("# ...")) {
        if (!current.isEmpty()) {
          chunks.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private static int indexOf(List<String> lines, List<String> chunk, int from) {
    for (int i = from; i + chunk.size() <= lines.size(); i++) {
      if (lines.subList(i, i + chunk.size()).equals(chunk)) {
        return i;
      }
    }
    return -1;
  }
}
