package dev.maas.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and ambiguous YAML is refused or flagged with a located, readable diagnostic. */
class SpecReaderTest {

  private static SpecReader.Result read(String yaml) {
    return new SpecReader().read(yaml.getBytes(StandardCharsets.UTF_8), "spec.yaml");
  }

  private static List<String> rendered(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::render).toList();
  }

  private static List<String> failure(byte[] bytes) {
    UserInputException e =
        assertThrows(UserInputException.class, () -> new SpecReader().read(bytes, "spec.yaml"));
    return rendered(e.diagnostics());
  }

  private static List<String> failure(String yaml) {
    return failure(yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void duplicateKeyNamesBothLocations() {
    SpecReader.Result result = read("a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n");
    assertEquals(
        List.of(
            "spec.yaml:5:3: error: /b/c: duplicate key `c`; it is already set at line 3, column 3"
                + " (keep only one of the two; YAML tools disagree on which one wins) [yaml.duplicateKey]"),
        rendered(result.findings()));
    assertEquals(
        2L, ((YamlNode.Scalar) result.document().find("/b/c")).value(), "the first value is kept");
  }

  @Test
  void secondDocumentIsRejectedWhereItStarts() {
    assertEquals(
        List.of(
            "spec.yaml:2:1: error: the file holds more than one YAML document; a second one starts here"
                + " (a spec file holds exactly one platform; put other platforms in their own files) [yaml.multipleDocuments]"),
        failure("a: 1\n---\nb: 2\n"));
  }

  @Test
  void billionLaughsIsRejectedBeforeExpansion() {
    StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String previous = "a";
    for (char name = 'b'; name <= 'i'; name++) {
      yaml.append(name).append(": &").append(name).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = String.valueOf(name);
    }
    List<String> lines =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(yaml.toString()));
    assertEquals(
        List.of(
            "spec.yaml:7:4: error: the aliases in this value expand to 5380840 nodes, more than the limit"
                + " of 2000000 (an alias bomb) (write the values out instead of nesting aliases of aliases) [yaml.aliasExpansion]"),
        lines);
  }

  @Test
  void manyAliasesAreRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x]\nb: [");
    for (int i = 0; i < 101; i++) {
      yaml.append(i == 0 ? "" : ", ").append("*a");
    }
    yaml.append("]\n");
    assertEquals(
        List.of(
            "spec.yaml: error: the document uses more than 100 aliases of mappings or lists"
                + " (write the values out instead of repeating aliases) [yaml.tooManyAliases]"),
        failure(yaml.toString()));
  }

  @Test
  void recursiveAliasIsRefused() {
    assertEquals(
        List.of(
            "spec.yaml:2:4: error: an alias refers to the collection that contains it, so the value would"
                + " be infinite (remove the alias or the anchor it refers to) [yaml.recursiveAlias]"),
        failure("a: 1\nb: &loop\n  - *loop\n"));
  }

  @Test
  void tenThousandLevelsOfNestingAreRefusedWithoutStackOverflow() {
    String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    assertEquals(
        List.of(
            "spec.yaml:1:67: error: the document nests deeper than 64 levels here"
                + " (a spec needs at most a few levels of nesting) [yaml.tooDeep]"),
        failure(flow));
    String mappings = "a: " + "{b: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n";
    assertEquals(
        List.of(
            "spec.yaml:1:256: error: the document nests deeper than 64 levels here"
                + " (a spec needs at most a few levels of nesting) [yaml.tooDeep]"),
        failure(mappings));
  }

  @Test
  void fileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] line =
          "# padding padding padding padding padding padding padding padding padding padding\n"
              .getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written <= ReadLimits.DEFAULT.maxBytes(); written += line.length) {
        out.write(line);
      }
    }
    long size = Files.size(big);
    UserInputException e =
        assertThrows(UserInputException.class, () -> new SpecReader().read(big, "big.yaml"));
    assertEquals(
        List.of(
            "big.yaml: error: the file has "
                + size
                + " bytes, more than the limit of 16777216 bytes"
                + " (a spec this large is almost certainly not a platform spec; split it or check what was written into it) [yaml.tooLarge]"),
        rendered(e.diagnostics()));
    assertEquals("yaml.tooLarge", e.diagnostics().get(0).code());
  }

  @Test
  void bytesOverASmallerLimitAreRefused() {
    SpecReader small = new SpecReader(new ReadLimits(10, 100, 64, 1000));
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> small.read("a: 12345678901\n".getBytes(StandardCharsets.UTF_8), "spec.yaml"));
    assertEquals(
        List.of(
            "spec.yaml: error: the file has 15 bytes, more than the limit of 10 bytes"
                + " (a spec this large is almost certainly not a platform spec) [yaml.tooLarge]"),
        rendered(e.diagnostics()));
  }

  @Test
  void aLineOverTheLimitIsRefusedAtItsLineBeforeParsing() {
    SpecReader narrow = new SpecReader(new ReadLimits(1 << 20, 100, 64, 1000, 20));
    String yaml = "a: 1\r\nb: exactly-twenty-ch\r# " + "x".repeat(30) + "\nc: 3\n";
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> narrow.read(yaml.getBytes(StandardCharsets.UTF_8), "spec.yaml"));
    assertEquals(
        List.of(
            "spec.yaml:3:1: error: line 3 has 32 characters, more than the limit of 20 (no spec needs"
                + " a line this long: write long lists one item per line, and long text or comments over several lines) [yaml.lineTooLong]"),
        rendered(e.diagnostics()));
    assertEquals("yaml.lineTooLong", e.diagnostics().get(0).code());
    YamlNode root =
        narrow
            .read("a: 1\nb: exactly-twenty-ch".getBytes(StandardCharsets.UTF_8), "s.yaml")
            .document()
            .root();
    assertEquals(
        2, ((YamlNode.Mapping) root).entries().size(), "a line of exactly the limit is read");
  }

  @Test
  void aFifteenMegabyteCommentLineIsRefusedWithoutReadingItQuadratically() {
    StringBuilder yaml = new StringBuilder("apiVersion: maas/v1alpha1\n# ");
    yaml.append("y".repeat(15 * 1024 * 1024)).append("\nkind: Platform\n");
    byte[] bytes = yaml.toString().getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    UserInputException e =
        assertThrows(UserInputException.class, () -> new SpecReader().read(bytes, "long.yaml"));
    System.out.printf(
        "a 15 MiB line refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertEquals(
        "long.yaml:2:1: error: line 2 has 15728642 characters, more than the limit of 65536 (no spec needs"
            + " a line this long: write long lists one item per line, and long text or comments over several lines) [yaml.lineTooLong]",
        e.diagnostics().get(0).render());
  }

  @Test
  void sixteenMegabytesOfLinesAtTheLimitAreRead() {
    // The worst accepted input for the parser's copying: every line as long as allowed. Measured,
    // not asserted.
    StringBuilder yaml = new StringBuilder("a: 1\n");
    String line = "# " + "z".repeat(ReadLimits.DEFAULT_MAX_LINE_CHARS - 2) + "\n";
    while (yaml.length() + line.length() < ReadLimits.DEFAULT.maxBytes()) {
      yaml.append(line);
    }
    byte[] bytes = yaml.toString().getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    YamlNode root = new SpecReader().read(bytes, "wide.yaml").document().root();
    System.out.printf(
        "%d bytes in lines of %d characters read in %d ms%n",
        bytes.length, ReadLimits.DEFAULT_MAX_LINE_CHARS, (System.nanoTime() - started) / 1_000_000);
    assertEquals(1, ((YamlNode.Mapping) root).entries().size());
  }

  @Test
  void invalidUtf8IsLocatedAtTheBadByte() {
    byte[] bytes = "a: 1\nb: caf\u0000 ok\n".getBytes(StandardCharsets.ISO_8859_1);
    bytes[11] = (byte) 0xE9; // Latin-1 é, not a UTF-8 sequence
    assertEquals(
        List.of(
            "spec.yaml:2:7: error: byte 0xE9 at offset 11 is not valid UTF-8 (save the file as UTF-8) [yaml.encoding]"),
        failure(bytes));
  }

  @Test
  void invalidUtf8AfterMultiByteCharactersCountsCharactersNotBytes() {
    byte[] head = "a: é\nb: ü".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = '\n';
    assertEquals(
        List.of(
            "spec.yaml:2:5: error: byte 0xFF at offset 11 is not valid UTF-8 (save the file as UTF-8) [yaml.encoding]"),
        failure(bytes));
  }

  @Test
  void invalidUtf8AfterAnEmojiCountsItAsOneColumn() {
    byte[] head = "a: \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
    bytes[head.length] = (byte) 0xC0;
    assertEquals(
        List.of(
            "spec.yaml:1:5: error: byte 0xC0 at offset 7 is not valid UTF-8 (save the file as UTF-8) [yaml.encoding]"),
        failure(bytes));
  }

  @Test
  void tabInIndentationIsNamed() {
    List<String> lines = failure("a:\n\tb: 1\n");
    assertEquals(
        List.of(
            "spec.yaml:2:1: error: a tab character where YAML allows only spaces"
                + " (YAML never indents with tabs) (replace the tab with spaces) [yaml.tab]"),
        lines);
    UserInputException e = assertThrows(UserInputException.class, () -> read("a:\n\tb: 1\n"));
    assertEquals("yaml.tab", e.diagnostics().get(0).code());
  }

  @Test
  void yaml11BooleansStayTextWithAWarning() {
    SpecReader.Result result = read("a: no\nb: on\nc: true\n");
    assertEquals("no", ((YamlNode.Scalar) result.document().find("/a")).value());
    assertEquals("on", ((YamlNode.Scalar) result.document().find("/b")).value());
    assertEquals(Boolean.TRUE, ((YamlNode.Scalar) result.document().find("/c")).value());
    assertEquals(
        List.of(
            "spec.yaml:1:4: warning: /a: `no` is read as the text \"no\"; YAML 1.1 tools read it as a boolean"
                + " (quote it (\"no\") if you mean text, or write true/false) [yaml.yaml11Boolean]",
            "spec.yaml:2:4: warning: /b: `on` is read as the text \"on\"; YAML 1.1 tools read it as a boolean"
                + " (quote it (\"on\") if you mean text, or write true/false) [yaml.yaml11Boolean]"),
        rendered(result.findings()));
  }

  @Test
  void quotedYaml11BooleanIsPlainText() {
    assertEquals(List.of(), read("a: \"no\"\n").findings());
  }

  @Test
  void leadingZeroAndUnderscoreNumbersAreAmbiguous() {
    SpecReader.Result result = read("a: 010\nb: 1_000\nc: \"010\"\nd: 10\n");
    assertEquals(
        List.of(
            "spec.yaml:1:4: error: /a: `010` is ambiguous: YAML 1.1 reads it as octal, YAML 1.2 as decimal"
                + " (write the number without leading zeros, or quote it if it is text) [yaml.ambiguousNumber]",
            "spec.yaml:2:4: error: /b: `1_000` is a number in YAML 1.1 but text in YAML 1.2"
                + " (write the number as plain digits, or quote it if it is text) [yaml.ambiguousNumber]"),
        rendered(result.findings()));
    assertEquals("010", ((YamlNode.Scalar) result.document().find("/c")).value());
    assertEquals(10L, ((YamlNode.Scalar) result.document().find("/d")).value());
  }

  @Test
  void byteOrderMarkIsAcceptedAndDoesNotShiftColumns() {
    byte[] body = "a: 1\nb: [x, 010]\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    SpecReader.Result result = new SpecReader().read(bytes, "spec.yaml");
    assertEquals(1L, ((YamlNode.Scalar) result.document().find("/a")).value());
    assertEquals("spec.yaml:1:1", result.document().locateKey("/a").toString());
    assertEquals("spec.yaml:2:8", result.document().locate("/b/1").toString());
  }

  @Test
  void emptyFileIsNamed() {
    assertEquals(
        List.of(
            "spec.yaml:1:1: error: the file holds no YAML document"
                + " (start from platform-specs/ or `mvn maas:schema` for the format) [yaml.empty]"),
        failure("# nothing here\n"));
  }

  @Test
  void locationsPointAtKeysAndValues() {
    SpecReader.Result result = read("spec:\n  tiers:\n    - name: free\n      level: 0\n");
    SpecDocument document = result.document();
    assertEquals("spec.yaml:4:14", document.locate("/spec/tiers/0/level").toString());
    assertEquals("spec.yaml:4:7", document.locateKey("/spec/tiers/0/level").toString());
    assertInstanceOf(YamlNode.Sequence.class, document.find("/spec/tiers"));
  }
}
