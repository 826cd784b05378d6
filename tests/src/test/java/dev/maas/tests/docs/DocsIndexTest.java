package dev.maas.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/README.md indexes every page under docs/: each is linked from it, or, for a generated kind's
 * page, from docs/kinds/README.md (which {@link KindPagesTest} checks); and each page it links
 * exists.
 */
class DocsIndexTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  private static Path docs() {
    return DocsCommandsTest.repoRoot().resolve("docs");
  }

  /** The relative links of a page, resolved against its folder. */
  static Set<Path> links(Path page) throws IOException {
    Set<Path> links = new TreeSet<>();
    Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
    while (m.find()) {
      String target = m.group(1);
      if (!target.contains("://") && !target.startsWith("mailto:")) {
        links.add(page.getParent().resolve(target).normalize());
      }
    }
    return links;
  }

  @Test
  void everyPageUnderDocsIsIndexed() throws IOException {
    Path docs = docs();
    Set<Path> index = links(docs.resolve("README.md"));
    Set<Path> unlisted = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(docs)) {
      for (Path page : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        boolean kind =
            page.getParent().equals(docs.resolve("kinds"))
                && !page.getFileName().toString().equals("README.md");
        if (!page.equals(docs.resolve("README.md")) && !kind && !index.contains(page)) {
          unlisted.add(docs.relativize(page));
        }
      }
    }
    assertEquals(Set.of(), unlisted, "pages under docs/ that docs/README.md does not link");
  }

  @Test
  void everyPageTheIndexLinksExists() throws IOException {
    Set<Path> index = links(docs().resolve("README.md"));
    assertTrue(index.size() >= 10, "docs/README.md links at least 10 pages: " + index);
    List<Path> missing = index.stream().filter(p -> !Files.exists(p)).toList();
    assertEquals(List.of(), missing, "docs/README.md links pages that do not exist");
  }
}
