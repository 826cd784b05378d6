package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.output.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The parts of a CRD folder the checks read, kept between runs as one JSON file named by a digest
 * of the folder's files. A fresh JVM reads it about four times faster than it parses the YAML (the
 * KServe CRDs alone are 4 MB), and a changed, added or removed CRD file changes the digest, so a
 * stale copy is never read.
 */
final class CrdStore {

  /**
   * Bumped whenever what is kept changes, so that copies written by an older version are not read.
   */
  private static final String FORMAT = "maas-crds-1";

  private static final String PREFIX = "crds-";
  private static final ObjectMapper JSON = Yaml.JSON;

  /**
   * One CRD document as the catalog reads it.
   *
   * @param file the name of the file it came from
   * @param crd the CustomResourceDefinition, trimmed to what the catalog reads
   */
  record Document(String file, JsonNode crd) {}

  private CrdStore() {}

  /**
   * The digest naming the stored copy of {@code files}: their names, sizes and a CRC-32 of their
   * bytes. CRC-32 runs in native code from the first call, where SHA-256 over the same 7.6 MB takes
   * 180 ms in a fresh JVM; it is there to notice edits, not forgeries (whoever can write the CRD
   * folder can write the store too).
   */
  static String digest(List<Path> files) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
    sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      CRC32 crc = new CRC32();
      crc.update(bytes);
      sha.update(
          ("\n" + file.getFileName() + "\n" + bytes.length + "\n" + crc.getValue())
              .getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The documents stored under {@code digest} in {@code store}, or {@code null} when there is no
   * usable copy.
   */
  static List<Document> read(Path store, String digest) {
    Path file = store.resolve(PREFIX + digest + ".json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (!FORMAT.equals(root.path("format").asText()) || !root.path("documents").isArray()) {
        return null;
      }
      List<Document> documents = new ArrayList<>();
      for (JsonNode entry : root.path("documents")) {
        documents.add(new Document(entry.path("file").asText(), entry.path("crd")));
      }
      return documents;
    } catch (IOException | RuntimeException unreadable) {
      // A damaged copy is only a lost shortcut: the YAML is parsed again and the copy replaced.
      return null;
    }
  }

  /**
   * Stores {@code documents} under {@code digest}, replacing the copies of other digests; a store
   * that cannot be written costs the next run its shortcut and nothing else.
   */
  static void write(Path store, String digest, List<Document> documents) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("documents");
    for (Document document : documents) {
      list.addObject().put("file", document.file()).set("crd", document.crd());
    }
    try {
      Files.createDirectories(store);
      Path temp = Files.createTempFile(store, PREFIX, ".tmp");
      try {
        JSON.writeValue(temp.toFile(), root);
        Files.move(
            temp,
            store.resolve(PREFIX + digest + ".json"),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      try (Stream<Path> old = Files.list(store)) {
        for (Path stale :
            old.filter(
                    p ->
                        p.getFileName().toString().startsWith(PREFIX)
                            && !p.getFileName().toString().equals(PREFIX + digest + ".json"))
                .toList()) {
          Files.deleteIfExists(stale);
        }
      }
    } catch (IOException | RuntimeException unwritable) {
      // Another process may be writing the same copy, or the folder is read-only: both are harmless
      // here.
    }
  }

  /**
   * The fields of a CRD the catalog reads: group, kind, scope, and each version's name, state and
   * schema.
   */
  static JsonNode trim(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("kind", crd.path("kind").asText());
    ObjectNode trimmedSpec = out.putObject("spec");
    copy(spec, trimmedSpec, "group");
    copy(spec.path("names"), trimmedSpec.putObject("names"), "kind");
    copy(spec, trimmedSpec, "scope");
    ArrayNode versions = trimmedSpec.putArray("versions");
    for (JsonNode version : spec.path("versions")) {
      ObjectNode v = versions.addObject();
      for (String field : List.of("name", "served", "deprecated", "deprecationWarning")) {
        copy(version, v, field);
      }
      if (version.path("schema").has("openAPIV3Schema")) {
        v.putObject("schema")
            .set("openAPIV3Schema", version.path("schema").path("openAPIV3Schema"));
      }
    }
    return out;
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }
}
