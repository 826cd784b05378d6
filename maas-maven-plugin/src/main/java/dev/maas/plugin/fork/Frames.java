package dev.maas.plugin.fork;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The request and the answer as the parent and the child exchange them: one JSON document each, the
 * records' components and nothing else, so that any text (a line break in a message included)
 * arrives as it left.
 */
final class Frames {

  // Record components only: a derived is-accessor such as Diagnostic.isError() is left out.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          // A path as written, relative ones included: Jackson's own form is an absolute URI.
          .registerModule(
              new SimpleModule()
                  .addSerializer(Path.class, ToStringSerializer.instance)
                  .addDeserializer(Path.class, new PathText()));

  private Frames() {}

  /** Sends {@code request}. */
  static void writeRequest(OutputStream out, GenerateRequest request) throws IOException {
    JSON.writeValue(out, request);
    out.flush();
  }

  /** Reads what {@link #writeRequest} sent. */
  static GenerateRequest readRequest(InputStream in) throws IOException {
    // Read as a tree and taken apart here: binding the record would first make Jackson introspect
    // it, about a tenth of a second of the child's start, before which the compile cannot begin.
    JsonNode request = JSON.readTree(in);
    JsonNode git = request.path("gitTarget");
    return new GenerateRequest(
        path(request, "baseDir"),
        path(request, "spec"),
        path(request, "outputDirectory"),
        path(request, "crdsDirectory"),
        path(request, "overlaysDirectory"),
        text(request, "pluginVersion"),
        request.path("force").asBoolean(),
        new GitTarget(text(git, "url"), text(git, "branch"), text(git, "path")));
  }

  /** The text of {@code field}, or {@code null} when it is absent or null. */
  private static String text(JsonNode object, String field) {
    JsonNode value = object.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  /** The path {@code field} names, or {@code null}. */
  private static Path path(JsonNode object, String field) {
    String text = text(object, field);
    return text == null ? null : Path.of(text);
  }

  /** Sends the compiler's answer. */
  static void writeResult(OutputStream out, GenerateResult result) throws IOException {
    write(
        out,
        new ForkedOutcome(
            result.diagnostics(), result.upToDate(), result.writeLines(), null, null));
  }

  /** Sends a failed read or write of the machine's files. */
  static void writeFailedWrite(OutputStream out, String message) throws IOException {
    write(out, new ForkedOutcome(List.of(), false, List.of(), message, null));
  }

  /** Sends what an unexpected exception said. */
  static void writeCrash(OutputStream out, String text) throws IOException {
    write(out, new ForkedOutcome(List.of(), false, List.of(), null, text));
  }

  /** Reads the answer; {@code null} when the child stopped before it was whole. */
  static ForkedOutcome readOutcome(InputStream in) throws IOException {
    try {
      return JSON.readValue(in, ForkedOutcome.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** A path from the text it was written as. */
  private static final class PathText extends FromStringDeserializer<Path> {

    PathText() {
      super(Path.class);
    }

    @Override
    protected Path _deserialize(String value, DeserializationContext context) {
      return Path.of(value);
    }
  }

  private static void write(OutputStream out, ForkedOutcome outcome) throws IOException {
    JSON.writeValue(out, outcome);
    out.flush();
  }
}
