package dev.maas.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one YAML reader and writer of the output, and the one JSON mapper: trees are written the same
 * way every time (fields in the order the tree holds them, no document marker, quotes only where
 * YAML needs them, numeric-looking strings stay strings), and what is read back is read with the
 * same settings everywhere.
 */
public final class Yaml {

  /**
   * The JSON mapper: for JSON files of the output, JSON values inside manifests, and JSON trees
   * built in code.
   */
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .stringQuotingChecker(new Yaml11Quoting())
                  .build())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /**
   * Quotes, besides what Jackson quotes, every string a YAML 1.1 reader (kubectl, Argo CD, Go's
   * yaml) would take for a number or a boolean: a tier or model named {@code 0x10} must stay the
   * text "0x10", not 16.
   */
  private static final class Yaml11Quoting
      extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final java.util.regex.Pattern YAML11_SCALAR =
        java.util.regex.Pattern.compile(
            "[-+]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))"
                + "|\\.(nan|NaN|NAN)|[yYnN~]|(?i:yes|no|on|off|true|false|null)");

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || YAML11_SCALAR.matcher(name).matches();
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || YAML11_SCALAR.matcher(value).matches();
    }
  }

  private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory());

  private Yaml() {}

  /** The YAML text of {@code tree}, ending in one newline. */
  public static String write(JsonNode tree) {
    try {
      String text = YAML.writeValueAsString(tree);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every document of a YAML file, as JSON trees (an empty document is left out).
   *
   * @throws IOException when the bytes are not YAML
   */
  public static List<JsonNode> documents(byte[] bytes) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = READER.readerFor(JsonNode.class).readValues(bytes)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /** Reads one YAML document into a JSON tree. */
  public static JsonNode read(String text) {
    try {
      return READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
