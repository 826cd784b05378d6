package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Layout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes objects of a platform's {@code base/} folder, read from the rendered YAML as the
 * cluster would.
 */
public final class GatewayObjects {

  /**
   * One object and the file it came from.
   *
   * @param file the path in the tree, e.g. {@code base/authpolicy-acme-gateway-auth.yaml}
   * @param body the whole object
   */
  public record Located(String file, JsonNode body) {

    /** The object's kind. */
    public String kind() {
      return body.path("kind").asText("");
    }

    /** The object's name. */
    public String name() {
      return body.path("metadata").path("name").asText("");
    }

    /** The object's namespace, empty when it names none. */
    public String namespace() {
      return body.path("metadata").path("namespace").asText("");
    }

    /** {@code Kind namespace/name}, as messages name it. */
    public String identity() {
      return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
  }

  private final List<Located> objects;
  // Policies are looked up by kind for every synthetic request; a scan of all objects each time
  // made the proof
  // quadratic in the number of models.
  private final Map<String, List<Located>> byKind;
  // Kind, namespace and name → the first such object: per-model look-ups, once per model.
  private final Map<String, Located> byIdentity;

  private GatewayObjects(List<Located> objects) {
    this.objects = List.copyOf(objects);
    Map<String, List<Located>> index = new HashMap<>();
    for (Located object : this.objects) {
      index.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
    }
    index.replaceAll((kind, list) -> List.copyOf(list));
    this.byKind = Map.copyOf(index);
    Map<String, Located> identities = new HashMap<>();
    for (Located object : this.objects) {
      identities.putIfAbsent(key(object.kind(), object.namespace(), object.name()), object);
    }
    this.byIdentity = identities;
  }

  private static String key(String kind, String namespace, String name) {
    return kind + '\0' + namespace + '\0' + name;
  }

  /**
   * The objects of {@code tree}'s {@code base/} folder; files that are not YAML objects are
   * skipped.
   */
  public static GatewayObjects of(GeneratedTree tree) {
    return read(tree, null);
  }

  /**
   * The objects of {@code kinds} in {@code tree}'s {@code base/} folder, as {@link #of} finds them.
   * A file that cannot hold such an object is not parsed: its YAML text spells none of the kinds (a
   * kind is a plain or quoted scalar, whose text holds the kind's letters unless an escape or
   * another encoding writes them otherwise, and such a file is parsed). A file the tree parsed
   * already is read as parsed: scanning its text would cost more than it saves.
   */
  static GatewayObjects of(GeneratedTree tree, Set<String> kinds) {
    return read(tree, Set.copyOf(kinds));
  }

  private static GatewayObjects read(GeneratedTree tree, Set<String> kinds) {
    List<Located> objects = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      String path = file.getKey();
      if (!Layout.inBase(path)
          || !Layout.isYaml(path)
          || (kinds != null && !tree.isParsed(path) && !mayHold(file.getValue(), kinds))) {
        continue;
      }
      // Malformed YAML is reported by the output checks; the proof sees the object as absent.
      for (JsonNode doc : tree.parsed(path).objects()) {
        if (doc.path("kind").isTextual()
            && (kinds == null || kinds.contains(doc.path("kind").asText()))) {
          objects.add(new Located(path, doc));
        }
      }
    }
    return new GatewayObjects(objects);
  }

  /**
   * Whether a YAML file may hold an object of one of {@code kinds}: its bytes spell one of them, or
   * hold an escape (a double-quoted scalar can spell a kind in escapes), a byte-order mark or a
   * zero byte (UTF-16 or UTF-32 text).
   */
  static boolean mayHold(byte[] yaml, Set<String> kinds) {
    if (yaml.length > 0
        && ((yaml[0] & 0xff) == 0xfe || (yaml[0] & 0xff) == 0xff || (yaml[0] & 0xff) == 0xef)) {
      return true;
    }
    String text = new String(yaml, StandardCharsets.ISO_8859_1);
    if (text.indexOf('\\') >= 0 || text.indexOf('\0') >= 0) {
      return true;
    }
    for (String kind : kinds) {
      if (text.contains(kind)) {
        return true;
      }
    }
    return false;
  }

  /** Every object of {@code kind}, in file order. */
  public List<Located> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The object of {@code kind} named {@code name}. */
  public Optional<Located> find(String kind, String name) {
    return ofKind(kind).stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** The first object of {@code kind} in {@code namespace} named {@code name}. */
  public Optional<Located> find(String kind, String namespace, String name) {
    return Optional.ofNullable(byIdentity.get(key(kind, namespace, name)));
  }

  /** Whether there is no object at all. */
  public boolean isEmpty() {
    return objects.isEmpty();
  }
}
