package dev.maas.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The spec's JSON Schema, loaded once from the plugin's resources and shared. */
public final class PlatformSchema {

  /** Where the schema lies on the classpath. */
  public static final String RESOURCE = "/dev/maas/schema/platform-spec.schema.json";

  private static volatile PlatformSchema instance;

  private final String text;
  private final JsonNode tree;
  private final Schema schema;

  private PlatformSchema(String text) {
    this.text = text;
    try {
      this.tree = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("the packaged schema is not JSON", e);
    }
    // Editors read markdownDescription and the compiler reads x-maas-message; declaring them keeps
    // the validator from
    // warning about unknown keywords.
    com.networknt.schema.dialect.Dialect dialect =
        com.networknt.schema.dialect.Dialect.builder(
                com.networknt.schema.dialect.Dialects.getDraft202012())
            .keyword(new com.networknt.schema.keyword.AnnotationKeyword("markdownDescription"))
            .keyword(new com.networknt.schema.keyword.AnnotationKeyword(SchemaCheck.MESSAGE))
            .build();
    this.schema = SchemaRegistry.withDefaultDialect(dialect).getSchema(tree);
  }

  /**
   * A schema read from {@code text}: the packaged one edited, to show that its messages follow its
   * constraints.
   */
  static PlatformSchema of(String text) {
    return new PlatformSchema(text);
  }

  /** The schema packaged with the plugin. */
  public static PlatformSchema get() {
    PlatformSchema local = instance;
    if (local == null) {
      synchronized (PlatformSchema.class) {
        local = instance;
        if (local == null) {
          try (InputStream in = PlatformSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("schema resource missing: " + RESOURCE);
            }
            local = new PlatformSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          instance = local;
        }
      }
    }
    return local;
  }

  /** The schema's text exactly as packaged. */
  public String text() {
    return text;
  }

  /** The schema as a tree, to look up property names and descriptions. */
  public JsonNode tree() {
    return tree;
  }

  /** The compiled validator. */
  Schema compiled() {
    return schema;
  }

  /** The sub-schema at a fragment such as {@code #/$defs/tier}, or a missing node. */
  public JsonNode at(String fragment) {
    String pointer = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    return tree.at(pointer);
  }
}
