package dev.maas.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a {@link GeneratedTree} into a folder so that the folder always holds either the previous
 * complete output or the new complete output: never a mix, never a half-written file.
 *
 * <p>Unchanged files keep their bytes and modification times; a run that changes nothing writes
 * nothing. Concurrent writers of the same folder take turns through a lock file beside it.
 */
public final class TreeWriter {

  /**
   * What a write changed.
   *
   * @param added files that did not exist before
   * @param changed files whose bytes changed
   * @param removed files that no longer belong to the output
   * @param unchanged the number of files left as they were
   */
  public record Report(
      List<String> added, List<String> changed, List<String> removed, int unchanged) {

    /** Whether the write touched nothing. */
    public boolean isNoOp() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
  }

  /**
   * A hook to inject faults in tests: called after each file written to the staging folder, from
   * any writing thread.
   */
  public interface FaultInjector {
    void afterWrite(String path) throws IOException;
  }

  /** What a failed write leaves, and what to do: for front ends to print after the error. */
  public static final String FAILED_WRITE_HINT =
      "each platform's folder holds its previous output or its new one in"
          + " full, never a mix; free some space or fix the permissions, then run again";

  private static final java.util.concurrent.ConcurrentMap<
          Path, java.util.concurrent.locks.ReentrantLock>
      IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

  private final FaultInjector faults;

  public TreeWriter() {
    this((path) -> {});
  }

  public TreeWriter(FaultInjector faults) {
    this.faults = faults;
  }

  /** Replaces the content of {@code target} with {@code tree}, atomically. */
  public Report write(GeneratedTree tree, Path target) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      String name = target.getFileName().toString();
      Path lockFile = parent.resolve("." + name + ".lock");
      // File locks exclude other processes only; threads of this JVM take turns on a lock of their
      // own first.
      java.util.concurrent.locks.ReentrantLock local =
          IN_PROCESS.computeIfAbsent(
              lockFile.normalize(), k -> new java.util.concurrent.locks.ReentrantLock());
      local.lock();
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return writeLocked(tree, target.toAbsolutePath(), parent, name);
      } finally {
        local.unlock();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output to " + target + ": " + reason(e), e);
    }
  }

  /**
   * What the system said, as a clause: {@code no space left on device}, with the file when it names
   * one.
   */
  private static String reason(IOException e) {
    return clause(
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")")
            : String.valueOf(e.getMessage()));
  }

  /**
   * {@code No space left on device} → {@code no space left on device}; names and codes stay as they
   * are.
   */
  private static String clause(String text) {
    return text.length() > 1
            && Character.isUpperCase(text.charAt(0))
            && Character.isLowerCase(text.charAt(1))
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
        : text;
  }

  /** The files under {@code folder}, relative, sorted; empty when it does not exist. */
  public static Map<String, byte[]> read(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private Report writeLocked(GeneratedTree tree, Path target, Path parent, String name)
      throws IOException {
    Path old = parent.resolve("." + name + ".old");
    Path staging = parent.resolve("." + name + ".staging");
    recover(target, old, staging);

    Map<String, byte[]> existing = read(target);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      byte[] before = existing.get(file.getKey());
      if (before == null) {
        added.add(file.getKey());
      } else if (!Arrays.equals(before, file.getValue())) {
        changed.add(file.getKey());
      } else {
        unchanged++;
      }
    }
    for (String path : existing.keySet()) {
      if (!tree.files().containsKey(path)) {
        removed.add(path);
      }
    }
    Report report =
        new Report(List.copyOf(added), List.copyOf(changed), List.copyOf(removed), unchanged);
    if (report.isNoOp()) {
      return report;
    }

    try {
      swapIn(tree, existing, target, old, staging);
    } catch (IOException | RuntimeException e) {
      // A full disk or a failing write must not leave a half-written staging folder behind, nor the
      // old tree moved
      // aside: put back what was there, and keep what went wrong as the error.
      try {
        recover(target, old, staging);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return report;
  }

  /** Writes {@code tree} into {@code staging}, then swaps it with {@code target}. */
  private void swapIn(
      GeneratedTree tree, Map<String, byte[]> existing, Path target, Path old, Path staging)
      throws IOException {
    deleteTree(staging);
    Files.createDirectories(staging);
    Set<Path> folders = new HashSet<>();
    List<String> written = new ArrayList<>();
    for (String path : tree.files().keySet()) {
      Path folder = staging.resolve(path).getParent();
      if (folders.add(folder)) {
        Files.createDirectories(folder);
      }
    }
    // Created one after the other: threads creating files in one folder take turns on its lock in
    // the kernel, so
    // 16 threads took as long as one (1,257 files) and spent twice the processor time.
    for (String path : tree.files().keySet()) {
      Path destination = staging.resolve(path);
      byte[] bytes = tree.files().get(path);
      byte[] before = existing.get(path);
      try {
        if (before != null && Arrays.equals(before, bytes)) {
          // The same inode keeps bytes and modification time of an unchanged file.
          linkOrCopy(target.resolve(path), destination);
        } else {
          Files.write(destination, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        faults.afterWrite(path);
      } catch (IOException e) {
        // The staging folder is temporary and gone by the time the user reads this: name the
        // output's file.
        throw new IOException(
            clause(
                    e instanceof FileSystemException fs && fs.getReason() != null
                        ? fs.getReason()
                        : String.valueOf(e.getMessage()))
                + " (while writing "
                + path
                + ")",
            e);
      }
    }
    tree.files()
        .forEach(
            (path, bytes) -> {
              byte[] before = existing.get(path);
              if (before == null || !Arrays.equals(before, bytes)) {
                written.add(path);
              }
            });
    // Every new file reaches the disk before the swap, so that the new tree never replaces the old
    // one
    // with files a power cut could leave empty.
    ParallelIo.forEach(
        written,
        path -> {
          try (FileChannel channel =
              FileChannel.open(staging.resolve(path), StandardOpenOption.WRITE)) {
            channel.force(true);
          }
        });
    // Swap: the target is either the old tree or the new one; recover() finishes a swap cut short.
    if (Files.exists(target)) {
      move(target, old);
    }
    move(staging, target);
    deleteTree(old);
  }

  private static void recover(Path target, Path old, Path staging) throws IOException {
    if (!Files.exists(target) && Files.exists(old)) {
      move(old, target);
    }
    deleteTree(old);
    deleteTree(staging);
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      if (e instanceof FileAlreadyExistsException) {
        throw (FileAlreadyExistsException) e;
      }
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
