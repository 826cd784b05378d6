package dev.maas.publish;

import dev.maas.output.ChangeType;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Layout;
import dev.maas.output.ObjectDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The difference between what a folder held and what replaces it, by file and by Kubernetes object.
 *
 * @param files the files added, changed or removed (paths relative to the folder)
 * @param objects the objects added, changed or removed, and the files that hold no named object
 */
record ChangeSummary(List<FileChange> files, List<ObjectChange> objects) {

  private static final Comparator<ObjectChange> ORDER =
      Comparator.comparing(ObjectChange::type)
          .thenComparing(ObjectChange::kind)
          .thenComparing(ObjectChange::name)
          .thenComparing(ObjectChange::namespace)
          .thenComparing(ObjectChange::area);

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

  /**
   * Compares {@code before} with {@code after}, both keyed by path relative to the published
   * folder.
   */
  static ChangeSummary between(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
    return between(before, new TreeMap<>(), after);
  }

  /**
   * Compares what the folder held with {@code after}: {@code before} are the files read, {@code
   * unread} the entries whose content is not compared (a symbolic link, a submodule, a file too
   * large to read), by path → what they are. An unread entry is removed, or changed when {@code
   * after} has a file of that path.
   */
  static ChangeSummary between(
      SortedMap<String, byte[]> before,
      SortedMap<String, String> unread,
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

    // Objects are matched across the trees, so one moved between files of an area is no change; a
    // change of text
    // alone (formatting, comments) is not one of the object.
    Set<String> changed = new HashSet<>();
    files.forEach(f -> changed.add(f.path()));
    List<ObjectChange> objects = new ArrayList<>();
    for (ObjectDiff.Change change :
        ObjectDiff.between(tree(before, changed), tree(after, changed))) {
      if (change.isFile() ? unread.containsKey(change.name()) : change.sameObject()) {
        continue;
      }
      objects.add(
          new ObjectChange(
              change.type(), change.kind(), change.namespace(), change.name(), change.area()));
    }
    for (String path : unread.keySet()) {
      // Named for what it was, so that a removed link or submodule is not passed off as a file.
      objects.add(
          new ObjectChange(
              after.containsKey(path) ? ChangeType.CHANGED : ChangeType.REMOVED,
              unread.get(path),
              "",
              path,
              Layout.area(path)));
    }
    // Bytes changed, objects did not (formatting, comments): still say which file.
    if (objects.isEmpty()) {
      files.forEach(
          f ->
              objects.add(new ObjectChange(f.type(), "file", "", f.path(), Layout.area(f.path()))));
    }
    objects.sort(ORDER);
    return new ChangeSummary(files, objects);
  }

  /** The files of {@code files} whose paths are in {@code paths}: only what changed is compared. */
  private static GeneratedTree tree(SortedMap<String, byte[]> files, Set<String> paths) {
    TreeMap<String, byte[]> kept = new TreeMap<>();
    files.forEach(
        (path, bytes) -> {
          if (paths.contains(path)) {
            kept.put(path, bytes);
          }
        });
    return new GeneratedTree(kept);
  }
}
