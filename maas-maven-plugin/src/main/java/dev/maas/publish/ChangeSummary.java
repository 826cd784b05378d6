package dev.maas.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The difference between what a folder held and what replaces it, by file and by Kubernetes object.
 *
 * @param files the files added, changed or removed (paths relative to the folder)
 * @param objects the objects added, changed or removed, and the files that hold no named object
 */
record ChangeSummary(List<FileChange> files, List<ObjectChange> objects) {

  private static final Comparator<ObjectChange> ORDER = Comparator.comparing(ObjectChange::type)
      .thenComparing(ObjectChange::kind).thenComparing(ObjectChange::name)
      .thenComparing(ObjectChange::namespace).thenComparing(ObjectChange::area);

  ChangeSummary {
    files = List.copyOf(files);
    objects = List.copyOf(objects);
  }

  /** Whether nothing differs. */
  boolean isEmpty() {
    return files.isEmpty();
  }

  /** How many objects (or object-less files) undergo {@code type}. */
  long count(ChangeType type) {
    return objects.stream().filter(o -> o.type() == type).count();
  }

  /** Compares {@code before} with {@code after}, both keyed by path relative to the published folder. */
  static ChangeSummary between(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
    return between(before, new TreeMap<>(), after);
  }

  /**
   * Compares what the folder held with {@code after}: {@code before} are the files read, {@code unread} the entries
   * whose content is not compared (a symbolic link, a submodule, a file too large to read), by path → what they are.
   * An unread entry is removed, or changed when {@code after} has a file of that path.
   */
  static ChangeSummary between(SortedMap<String, byte[]> before, SortedMap<String, String> unread,
      SortedMap<String, byte[]> after) {
    List<FileChange> files = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(unread.keySet());
    paths.addAll(after.keySet());
    for (String path : paths) {
      byte[] old = before.get(path);
      byte[] now = after.get(path);
      if (unread.containsKey(path)) {
        files.add(new FileChange(path, now == null ? ChangeType.REMOVED : ChangeType.CHANGED));
      } else if (old == null) {
        files.add(new FileChange(path, ChangeType.ADDED));
      } else if (now == null) {
        files.add(new FileChange(path, ChangeType.REMOVED));
      } else if (!Arrays.equals(old, now)) {
        files.add(new FileChange(path, ChangeType.CHANGED));
      }
    }

    Map<Key, Object> oldObjects = new LinkedHashMap<>();
    Map<Key, Object> newObjects = new LinkedHashMap<>();
    Map<String, ChangeType> plainFiles = new TreeMap<>();
    List<ObjectChange> unreadChanges = new ArrayList<>();
    for (FileChange change : files) {
      String path = change.path();
      Map<Key, Object> was = objectsIn(path, before.get(path));
      Map<Key, Object> is = objectsIn(path, after.get(path));
      if (unread.containsKey(path)) {
        // Named for what it was, so that a removed link or submodule is not passed off as a file.
        unreadChanges.add(new ObjectChange(change.type(), unread.get(path), "", path, areaOf(path)));
      } else if (was.isEmpty() && is.isEmpty()) {
        plainFiles.put(path, change.type());
      }
      oldObjects.putAll(was);
      newObjects.putAll(is);
    }
    // Objects are matched across all changed files, so one moved between files of an area is no change.
    List<ObjectChange> objects = new ArrayList<>();
    TreeSet<Key> keys = new TreeSet<>(Key.ORDER);
    keys.addAll(oldObjects.keySet());
    keys.addAll(newObjects.keySet());
    for (Key key : keys) {
      Object old = oldObjects.get(key);
      Object now = newObjects.get(key);
      ChangeType type = old == null ? ChangeType.ADDED : now == null ? ChangeType.REMOVED
          : Objects.equals(old, now) ? null : ChangeType.CHANGED;
      if (type != null) {
        objects.add(new ObjectChange(type, key.kind(), key.namespace(), key.name(), key.area()));
      }
    }
    plainFiles.forEach((path, type) -> objects.add(new ObjectChange(type, "file", "", path, areaOf(path))));
    objects.addAll(unreadChanges);
    // Bytes changed, objects did not (formatting, comments): still say which file.
    if (objects.isEmpty()) {
      files.forEach(f -> objects.add(new ObjectChange(f.type(), "file", "", f.path(), areaOf(f.path()))));
    }
    objects.sort(ORDER);
    return new ChangeSummary(files, objects);
  }

  /** The named objects in one YAML file; none for other files or YAML that does not parse. */
  private static Map<Key, Object> objectsIn(String path, byte[] bytes) {
    Map<Key, Object> objects = new LinkedHashMap<>();
    if (bytes == null || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
      return objects;
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setAllowDuplicateKeys(true);
    try {
      for (Object document : new Yaml(new SafeConstructor(options)).loadAll(new String(bytes, StandardCharsets.UTF_8))) {
        if (document instanceof Map<?, ?> map && map.get("kind") instanceof String kind
            && map.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") instanceof String name) {
          String namespace = metadata.get("namespace") instanceof String ns ? ns : "";
          objects.put(new Key(areaOf(path), kind, namespace, name), document);
        }
      }
    } catch (RuntimeException notYaml) {
      // Not ours to judge here: the file is reported as a file.
      objects.clear();
    }
    return objects;
  }

  /** {@code base}, {@code overlays/<env>}, or the first folder of the path. */
  static String areaOf(String path) {
    String[] segments = path.split("/");
    if (segments.length >= 3 && segments[0].equals("overlays")) {
      return segments[0] + "/" + segments[1];
    }
    return segments.length >= 2 ? segments[0] : "";
  }

  /** An object's identity: the same kind, namespace and name in the same area. */
  private record Key(String area, String kind, String namespace, String name) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::name)
        .thenComparing(Key::namespace).thenComparing(Key::area);
  }
}
