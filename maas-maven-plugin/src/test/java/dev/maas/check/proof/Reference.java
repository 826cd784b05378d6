package dev.maas.check.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.testing.BoundSpecs;
import dev.maas.validate.Rendered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/** The reference spec and its golden output, read from disk (the proof's tests never render). */
final class Reference {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The golden gateway AuthPolicy. */
  static final String AUTH = "base/authpolicy-acme-gateway-auth.yaml";

  /** The golden request limits. */
  static final String REQUESTS = "base/ratelimitpolicy-acme-request-limits.yaml";

  /** The golden token limits. */
  static final String TOKENS = "base/tokenratelimitpolicy-acme-token-limits.yaml";

  private Reference() {}

  /** The proof's findings on {@code tree} of {@code platform}, without their codes. */
  static List<String> proofFindings(Platform platform, GeneratedTree tree) {
    return new PolicyProof()
        .prove(platform, tree).findings().stream().map(Rendered::withoutCode).toList();
  }

  static GeneratedTree golden() {
    try {
      return new GeneratedTree(
          new TreeMap<>(
              TreeWriter.read(
                  BoundSpecs.repoRoot()
                      .resolve("maas-maven-plugin/src/test/resources/golden/acme"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code tree} with {@code from} replaced by {@code to} in one file; the text must occur exactly
   * once.
   */
  static GeneratedTree edit(GeneratedTree tree, String path, String from, String to) {
    String text = tree.text(path);
    assertNotNull(text, path);
    int at = text.indexOf(from);
    assertTrue(
        at >= 0 && text.indexOf(from, at + 1) < 0,
        () -> "`" + from + "` must occur once in " + path);
    TreeMap<String, byte[]> files = new TreeMap<>(tree.files());
    files.put(
        path,
        (text.substring(0, at) + to + text.substring(at + from.length()))
            .getBytes(StandardCharsets.UTF_8));
    return new GeneratedTree(files);
  }

  /**
   * {@code tree} with the one object in {@code path} changed by {@code change}, written back as
   * YAML.
   */
  static GeneratedTree editObject(
      GeneratedTree tree, String path, java.util.function.Consumer<ObjectNode> change) {
    try {
      ObjectNode object = (ObjectNode) YAML.readTree(tree.text(path));
      change.accept(object);
      TreeMap<String, byte[]> files = new TreeMap<>(tree.files());
      files.put(path, YAML.writeValueAsBytes(object));
      return new GeneratedTree(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object at a dotted path of fields below {@code root}. */
  static ObjectNode at(ObjectNode root, String dotted) {
    ObjectNode node = root;
    for (String field : dotted.split("\\.")) {
      node = (ObjectNode) node.get(field);
    }
    return node;
  }

  static void assertMessages(List<String> expected, List<String> actual) {
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }
}
