package dev.maas.tests.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of a Markdown file, with their info strings and the line each starts on.
 */
public final class MarkdownBlocks {

  /**
   * One fenced block.
   *
   * @param file the file, as written in messages
   * @param line the 1-based line of the opening fence
   * @param info the info string after the fence ({@code sh fail}), trimmed; empty when absent
   * @param text the content, with the fence's indentation removed, each line ending in a newline
   * @param before the non-blank line just above the opening fence, or an empty string
   */
  public record Block(String file, int line, String info, String text, String before) {

    /** The first word of the info string: the block's language. */
    public String language() {
      int space = info.indexOf(' ');
      return space < 0 ? info : info.substring(0, space);
    }

    /** The words after the language. */
    public List<String> attributes() {
      String rest = info.substring(language().length()).trim();
      return rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
    }

    /** Where the block is, for messages: {@code docs/getting-started.md:42}. */
    public String where() {
      return file + ":" + line;
    }
  }

  private MarkdownBlocks() {}

  /** Every fenced block of {@code path}, in order; {@code name} is how messages call the file. */
  public static List<Block> read(Path path, String name) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    String before = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.stripLeading();
      if (!(trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
        if (!line.isBlank()) {
          before = line.trim();
        }
        continue;
      }
      int indent = line.length() - trimmed.length();
      char fenceChar = trimmed.charAt(0);
      int fenceLength = 0;
      while (fenceLength < trimmed.length() && trimmed.charAt(fenceLength) == fenceChar) {
        fenceLength++;
      }
      String fence = trimmed.substring(0, fenceLength);
      String info = trimmed.substring(fenceLength).trim();
      StringBuilder text = new StringBuilder();
      int start = i + 1;
      int j = i + 1;
      while (j < lines.size() && !isClosing(lines.get(j), fence)) {
        String content = lines.get(j);
        int strip = Math.min(indent, content.length() - content.stripLeading().length());
        text.append(content.substring(strip)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalStateException(name + ":" + start + ": the code block is never closed");
      }
      blocks.add(new Block(name, start, info, text.toString(), before));
      before = "";
      i = j;
    }
    return blocks;
  }

  private static boolean isClosing(String line, String fence) {
    String trimmed = line.trim();
    return trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == fence.charAt(0));
  }
}
