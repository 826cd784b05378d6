package dev.maas.spec;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.UserInputException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML spec file into a {@link SpecDocument} whose every node knows its line and column.
 *
 * <p>Scalars are read with YAML 1.2's core schema, so {@code no} and {@code on} stay strings; where
 * YAML 1.1 tools would read a plain scalar differently ({@code yes}, {@code 010}, {@code 1_000})
 * the reader says so instead of silently picking one meaning.
 */
public final class SpecReader {

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL_12 = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern YAML11_BOOL =
      Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
  private static final Pattern YAML11_LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");
  private static final Pattern YAML11_UNDERSCORE = Pattern.compile("[-+]?[0-9][0-9_]*_[0-9_]*");
  private static final Pattern YAML11_SEXAGESIMAL =
      Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+");

  /** The patterns that make a plain scalar something other than text, or flag it. */
  static final List<Pattern> TYPED_PATTERNS =
      List.of(
          NULL,
          TRUE,
          FALSE,
          YAML11_LEADING_ZERO,
          INT,
          OCTAL_12,
          HEX,
          FLOAT,
          INF,
          NAN,
          YAML11_BOOL,
          YAML11_UNDERSCORE,
          YAML11_SEXAGESIMAL);

  /** Every first character a match of one of the patterns above can start with. */
  private static final String TYPED_STARTS = "~tTfFnNyYoO+-.0123456789";

  /**
   * Whether a plain scalar may be anything but text: the patterns are tried only then. Most scalars
   * of a spec are names, and a thousand-model spec has tens of thousands of them.
   */
  static boolean mayBeTyped(String text) {
    return text.isEmpty() || TYPED_STARTS.indexOf(text.charAt(0)) >= 0;
  }

  private final ReadLimits limits;

  public SpecReader() {
    this(ReadLimits.DEFAULT);
  }

  public SpecReader(ReadLimits limits) {
    this.limits = limits;
  }

  /**
   * What a read produced: the document, and what was found on the way that did not stop the read
   * (duplicate keys, ambiguous YAML 1.1 scalars); errors among these still fail validation.
   */
  public record Result(SpecDocument document, List<Diagnostic> findings) {}

  /**
   * Reads {@code file}, naming it {@code displayName} in diagnostics.
   *
   * @throws UserInputException with located diagnostics when the file is not a readable spec
   */
  public Result read(Path file, String displayName) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw fail(
          SourceLocation.ofFile(displayName),
          "yaml.io",
          "cannot read the file: " + e.getMessage(),
          "check that the path exists and is readable");
    }
    if (size > limits.maxBytes()) {
      throw fail(
          SourceLocation.ofFile(displayName),
          "yaml.tooLarge",
          "the file has " + size + " bytes, more than the limit of " + limits.maxBytes() + " bytes",
          "a spec this large is almost certainly not a platform spec; split it or check what was written into it");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw fail(
          SourceLocation.ofFile(displayName),
          "yaml.io",
          "cannot read the file: " + e.getMessage(),
          "check that the path exists and is readable");
    }
    return read(bytes, displayName);
  }

  /** Reads a spec from bytes, naming it {@code displayName} in diagnostics. */
  public Result read(byte[] bytes, String displayName) {
    if (bytes.length > limits.maxBytes()) {
      throw fail(
          SourceLocation.ofFile(displayName),
          "yaml.tooLarge",
          "the file has "
              + bytes.length
              + " bytes, more than the limit of "
              + limits.maxBytes()
              + " bytes",
          "a spec this large is almost certainly not a platform spec");
    }
    checkLineLengths(bytes, displayName);
    String text = decode(bytes, displayName);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    // The guard below reports depth with a location first; the composer's own limit is only a
    // backstop.
    options.setNestingDepthLimit(limits.maxDepth() + 2);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
    options.setAllowRecursiveKeys(false);
    // No implicit resolution: every plain scalar arrives as a string and is read here by YAML 1.2
    // rules.
    Resolver plain =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {}
        };
    List<Node> documents = new ArrayList<>();
    try {
      // One pass over the text: the composer pulls its events through a guard that reports depth
      // and extra
      // documents where they start, so the recursive composer never sees a document nested deeper
      // than the limit.
      Composer composer =
          new Composer(
              new GuardedParser(
                  new ParserImpl(new StreamReader(new StringReader(text)), options), displayName),
              plain,
              options);
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node != null) {
          documents.add(node);
        }
      }
    } catch (MarkedYAMLException e) {
      Optional<Indentation.Finding> indentation = Indentation.explain(text, e);
      if (indentation.isPresent()) {
        Indentation.Finding f = indentation.get();
        throw fail(
            new SourceLocation(displayName, f.line(), f.column()),
            "yaml.indentation",
            f.message(),
            f.hint());
      }
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String code = isTab(String.valueOf(e.getProblem())) ? "yaml.tab" : "yaml.syntax";
      throw fail(location(displayName, mark), code, syntaxMessage(e), syntaxHint(e));
    } catch (YAMLException e) {
      throw limitFailure(e.getMessage(), displayName);
    } catch (StackOverflowError e) {
      throw fail(
          SourceLocation.ofFile(displayName),
          "yaml.tooDeep",
          "the document nests too deeply to read",
          "a spec needs at most a few levels of nesting");
    }
    if (documents.isEmpty()) {
      throw fail(
          new SourceLocation(displayName, 1, 1),
          "yaml.empty",
          "the file holds no YAML document",
          "start from platform-specs/ or `mvn maas:schema` for the format");
    }
    // Sizes are summed over the alias graph before anything is copied, so an alias bomb costs
    // nothing.
    expandedSize(
        documents.get(0),
        new IdentityHashMap<>(),
        java.util.Collections.newSetFromMap(new IdentityHashMap<>()),
        displayName);
    Converter converter = new Converter(displayName);
    YamlNode root = converter.convert(documents.get(0), "", 0);
    List<Diagnostic> findings = new ArrayList<>(converter.errors);
    findings.addAll(converter.warnings);
    return new Result(new SpecDocument(displayName, bytes, root), List.copyOf(findings));
  }

  private static String decode(byte[] bytes, String displayName) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      // The lenient decoder is the fast one; only a replacement character in its result can mean a
      // bad byte,
      // and only then is the strict decoder asked where.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        decoder.decode(ByteBuffer.wrap(bytes));
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      int line = 1;
      int column = 1;
      // Columns count characters as an editor shows them: code points, not UTF-16 units.
      for (int cp : before.codePoints().toArray()) {
        if (cp == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      throw fail(
          new SourceLocation(displayName, line, column),
          "yaml.encoding",
          String.format("byte 0x%02X at offset %d is not valid UTF-8", bytes[bad] & 0xff, bad),
          "save the file as UTF-8");
    }
  }

  /**
   * Refuses the first line longer than the limit, before the parser spends time quadratic in its
   * length on it. It counts on the bytes, before decoding: a line break is one byte in UTF-8 and
   * never part of another character, and a character is every byte that does not continue one.
   */
  private void checkLineLengths(byte[] bytes, String displayName) {
    int line = 1;
    int chars = 0;
    int length = bytes.length;
    for (int i = 0; i <= length; i++) {
      byte b = i < length ? bytes[i] : (byte) '\n';
      if (b != '\n' && b != '\r') {
        if ((b & 0xC0) != 0x80) {
          chars++;
        }
        continue;
      }
      if (chars > limits.maxLineChars()) {
        throw fail(
            new SourceLocation(displayName, line, 1),
            "yaml.lineTooLong",
            "line "
                + line
                + " has "
                + chars
                + " characters, more than the limit of "
                + limits.maxLineChars(),
            "no spec needs a line this long: write long lists one item per line, and long text or comments over"
                + " several lines");
      }
      if (b == '\r' && i + 1 < length && bytes[i + 1] == '\n') {
        i++;
      }
      line++;
      chars = 0;
    }
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
  }

  /** Checks every event as the composer pulls it: one document, nested no deeper than the limit. */
  private final class GuardedParser implements Parser {
    private final Parser delegate;
    private final String displayName;
    private int depth;
    private int documents;

    GuardedParser(Parser delegate, String displayName) {
      this.delegate = delegate;
      this.displayName = displayName;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event event = delegate.getEvent();
      if (event instanceof DocumentStartEvent && ++documents > 1) {
        throw fail(
            location(displayName, event.getStartMark()),
            "yaml.multipleDocuments",
            "the file holds more than one YAML document; a second one starts here",
            "a spec file holds exactly one platform; put other platforms in their own files");
      }
      if (event instanceof CollectionStartEvent && ++depth > limits.maxDepth()) {
        throw fail(
            location(displayName, event.getStartMark()),
            "yaml.tooDeep",
            "the document nests deeper than " + limits.maxDepth() + " levels here",
            "a spec needs at most a few levels of nesting");
      }
      if (event instanceof CollectionEndEvent) {
        depth--;
      }
      return event;
    }
  }

  /**
   * The number of nodes {@code node} stands for once aliases are expanded; fails past the limit.
   */
  private long expandedSize(
      Node node, Map<Node, Long> known, Set<Node> onPath, String displayName) {
    // Only an anchored node can be reached again (through an alias): only those are remembered and
    // tracked on the
    // path, which keeps both tables as small as the anchors rather than as large as the document.
    boolean anchored = node.getAnchor() != null;
    if (anchored) {
      Long size = known.get(node);
      if (size != null) {
        return size;
      }
      if (!onPath.add(node)) {
        throw fail(
            location(displayName, node.getStartMark()),
            "yaml.recursiveAlias",
            "an alias refers to the collection that contains it, so the value would be infinite",
            "remove the alias or the anchor it refers to");
      }
    }
    long total = 1;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        total += expandedSize(tuple.getKeyNode(), known, onPath, displayName);
        total += expandedSize(tuple.getValueNode(), known, onPath, displayName);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        total += expandedSize(item, known, onPath, displayName);
      }
    }
    if (anchored) {
      onPath.remove(node);
    }
    if (total > limits.maxNodes()) {
      // Children are each below the limit, so this is the smallest value that explodes: point at
      // it.
      throw fail(
          location(displayName, node.getStartMark()),
          "yaml.aliasExpansion",
          "the aliases in this value expand to "
              + total
              + " nodes, more than the limit of "
              + limits.maxNodes()
              + " (an alias bomb)",
          "write the values out instead of nesting aliases of aliases");
    }
    if (anchored) {
      known.put(node, total);
    }
    return total;
  }

  private UserInputException limitFailure(String raw, String displayName) {
    String text = String.valueOf(raw);
    if (text.contains("aliases")) {
      return fail(
          SourceLocation.ofFile(displayName),
          "yaml.tooManyAliases",
          "the document uses more than " + limits.maxAliases() + " aliases of mappings or lists",
          "write the values out instead of repeating aliases");
    }
    if (text.contains("code points")) {
      return fail(
          SourceLocation.ofFile(displayName),
          "yaml.tooLarge",
          "the document is larger than the limit of " + limits.maxBytes() + " characters",
          "a spec this large is almost certainly not a platform spec");
    }
    if (text.contains("Nesting Depth")) {
      return fail(
          SourceLocation.ofFile(displayName),
          "yaml.tooDeep",
          "the document nests deeper than " + limits.maxDepth() + " levels",
          "a spec needs at most a few levels of nesting");
    }
    return fail(
        SourceLocation.ofFile(displayName),
        "yaml.syntax",
        "the document cannot be read: " + text,
        "check the YAML syntax");
  }

  private static String syntaxMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
    if (isTab(problem)) {
      return "a tab character where YAML allows only spaces (YAML never indents with tabs)";
    }
    if (problem.contains("found duplicate anchor")) {
      return problem;
    }
    String context = e.getContext();
    if (context == null) {
      return "invalid YAML: " + problem;
    }
    Mark start = e.getContextMark();
    Mark at = e.getProblemMark();
    boolean elsewhere =
        start != null
            && at != null
            && (start.getLine() != at.getLine() || start.getColumn() != at.getColumn());
    return "invalid YAML: "
        + problem
        + " ("
        + context
        + (elsewhere
            ? " that starts at line "
                + (start.getLine() + 1)
                + ", column "
                + (start.getColumn() + 1)
            : "")
        + ")";
  }

  /** SnakeYAML names a tab {@code '\t(TAB)'} in its messages; older versions {@code '\t'}. */
  private static boolean isTab(String problem) {
    return problem.contains("found character '\\t");
  }

  private static String syntaxHint(MarkedYAMLException e) {
    if (isTab(String.valueOf(e.getProblem()))) {
      return "replace the tab with spaces";
    }
    return "look for an unclosed bracket or quote, or a wrong indentation, before this position";
  }

  private static SourceLocation location(String file, Mark mark) {
    return mark == null
        ? SourceLocation.ofFile(file)
        : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static UserInputException fail(
      SourceLocation location, String code, String message, String hint) {
    return new UserInputException(List.of(Diagnostic.error(code, location, "", message, hint)));
  }

  /**
   * Turns SnakeYAML's node graph into located {@link YamlNode}s, expanding aliases within bounds.
   */
  private final class Converter {
    private final String file;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Set<Node> onPath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    Converter(String file) {
      this.file = file;
    }

    YamlNode convert(Node node, String pointer, int depth) {
      SourceLocation here = location(file, node.getStartMark());
      if (++nodes > limits.maxNodes()) {
        throw fail(
            here,
            "yaml.aliasExpansion",
            "the document expands to more than "
                + limits.maxNodes()
                + " nodes once its aliases are resolved",
            "write the values out instead of repeating aliases");
      }
      if (depth > limits.maxDepth()) {
        throw fail(
            here,
            "yaml.tooDeep",
            "the document nests deeper than " + limits.maxDepth() + " levels",
            "a spec needs at most a few levels of nesting");
      }
      if (!onPath.add(node)) {
        throw fail(
            here,
            "yaml.recursiveAlias",
            "an alias refers to a node that contains it",
            "remove the recursive anchor");
      }
      try {
        if (node instanceof MappingNode mapping) {
          return mapping(mapping, here, pointer, depth);
        }
        if (node instanceof SequenceNode sequence) {
          List<YamlNode> items = new ArrayList<>();
          for (Node item : sequence.getValue()) {
            items.add(convert(item, JsonPointers.child(pointer, items.size()), depth + 1));
          }
          return new YamlNode.Sequence(here, pointer, items);
        }
        return scalar((ScalarNode) node, here, pointer);
      } finally {
        onPath.remove(node);
      }
    }

    private YamlNode mapping(MappingNode mapping, SourceLocation here, String pointer, int depth) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourceLocation keyLocation = location(file, keyNode.getStartMark());
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          errors.add(
              Diagnostic.error(
                  "yaml.complexKey",
                  keyLocation,
                  pointer,
                  "a mapping key must be a plain name, not a collection",
                  "write the key as text"));
          continue;
        }
        String key = keyScalar.getValue();
        if (keyScalar.isPlain() && "<<".equals(key)) {
          errors.add(
              Diagnostic.error(
                  "yaml.mergeKey",
                  keyLocation,
                  pointer,
                  "merge keys (`<<`) are not supported",
                  "write the merged fields out"));
          continue;
        }
        String childPointer = JsonPointers.child(pointer, key);
        YamlNode.Entry earlier = entries.get(key);
        if (earlier != null) {
          errors.add(
              Diagnostic.error(
                  "yaml.duplicateKey",
                  keyLocation,
                  childPointer,
                  "duplicate key `"
                      + key
                      + "`; it is already set at line "
                      + earlier.keyLocation().line()
                      + ", column "
                      + earlier.keyLocation().column(),
                  "keep only one of the two; YAML tools disagree on which one wins"));
          continue;
        }
        YamlNode value = convert(tuple.getValueNode(), childPointer, depth + 1);
        entries.put(key, new YamlNode.Entry(key, keyLocation, value));
      }
      return new YamlNode.Mapping(here, pointer, entries);
    }

    private YamlNode scalar(ScalarNode node, SourceLocation here, String pointer) {
      String text = node.getValue();
      Tag tag = node.getTag();
      if (!node.isPlain()) {
        return new YamlNode.Scalar(here, pointer, text, text, true);
      }
      if (!Tag.STR.equals(tag)) {
        String written =
            tag.getValue().startsWith(Tag.PREFIX)
                ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
                : tag.getValue();
        errors.add(
            Diagnostic.error(
                "yaml.tag",
                here,
                pointer,
                "explicit tag `"
                    + written
                    + "` is not supported; values take their type from the schema",
                "remove the tag; quote the value to make it a string"));
        return new YamlNode.Scalar(here, pointer, text, text, false);
      }
      return new YamlNode.Scalar(here, pointer, resolve(text, here, pointer), text, false);
    }

    private Object resolve(String text, SourceLocation here, String pointer) {
      if (!mayBeTyped(text)) {
        return text;
      }
      if (NULL.matcher(text).matches()) {
        return null;
      }
      if (TRUE.matcher(text).matches()) {
        return Boolean.TRUE;
      }
      if (FALSE.matcher(text).matches()) {
        return Boolean.FALSE;
      }
      if (YAML11_LEADING_ZERO.matcher(text).matches()) {
        errors.add(
            Diagnostic.error(
                "yaml.ambiguousNumber",
                here,
                pointer,
                "`" + text + "` is ambiguous: YAML 1.1 reads it as octal, YAML 1.2 as decimal",
                "write the number without leading zeros, or quote it if it is text"));
        return text;
      }
      if (INT.matcher(text).matches()) {
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      if (OCTAL_12.matcher(text).matches()) {
        return new BigInteger(text.substring(2), 8).longValue();
      }
      if (HEX.matcher(text).matches()) {
        BigInteger big = new BigInteger(text.substring(2), 16);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      if (FLOAT.matcher(text).matches()) {
        return Double.parseDouble(text);
      }
      if (INF.matcher(text).matches()) {
        return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (NAN.matcher(text).matches()) {
        return Double.NaN;
      }
      if (YAML11_BOOL.matcher(text).matches()) {
        warnings.add(
            Diagnostic.warning(
                "yaml.yaml11Boolean",
                here,
                pointer,
                "`"
                    + text
                    + "` is read as the text \""
                    + text
                    + "\"; YAML 1.1 tools read it as a boolean",
                "quote it (\"" + text + "\") if you mean text, or write true/false"));
        return text;
      }
      if (YAML11_UNDERSCORE.matcher(text).matches() || YAML11_SEXAGESIMAL.matcher(text).matches()) {
        errors.add(
            Diagnostic.error(
                "yaml.ambiguousNumber",
                here,
                pointer,
                "`" + text + "` is a number in YAML 1.1 but text in YAML 1.2",
                "write the number as plain digits, or quote it if it is text"));
        return text;
      }
      return text;
    }
  }
}
