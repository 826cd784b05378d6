package dev.maas.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page under docs/ that a renderer writes: the committed file is what it renders, or
 * -Dmaas.updateDocs rewrites it.
 */
final class GeneratedPage {

  private GeneratedPage() {}

  /**
   * Fails unless {@code doc} holds exactly {@code rendered}; with {@code -Dmaas.updateDocs=true} it
   * writes it first.
   */
  static void assertCommitted(Path doc, String rendered, String regenerate) throws IOException {
    if (Boolean.getBoolean("maas.updateDocs")) {
      Files.writeString(doc, rendered, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(doc), doc + " is missing; run: " + regenerate);
    assertEquals(
        Files.readString(doc, StandardCharsets.UTF_8),
        rendered,
        "docs/" + doc.getFileName() + " is stale; run: " + regenerate);
  }
}
