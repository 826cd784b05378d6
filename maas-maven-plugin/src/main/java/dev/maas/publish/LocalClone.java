package dev.maas.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The local clone of the remote: a bare repository used only as an object cache, never as a source
 * of truth. It may be deleted at any time; a damaged one is deleted and cloned again. One user at a
 * time, across threads and processes, holds it through a lock file beside it.
 */
final class LocalClone implements AutoCloseable {

  /** Marks a folder as ours, so that only such a folder is ever deleted. */
  static final String MARKER = "maas-clone";

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final Path dir;
  private final ReentrantLock threadLock;
  private final FileChannel lockChannel;
  private final FileLock processLock;
  private Repository repository;

  private LocalClone(
      Path dir, ReentrantLock threadLock, FileChannel lockChannel, FileLock processLock) {
    this.dir = dir;
    this.threadLock = threadLock;
    this.lockChannel = lockChannel;
    this.processLock = processLock;
  }

  /** Locks the clone folder {@code dir} for this caller, waiting for any other user. */
  static LocalClone lock(Path dir) throws IOException {
    Path normalized = dir.toAbsolutePath().normalize();
    Files.createDirectories(normalized.getParent());
    ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(normalized, p -> new ReentrantLock());
    threadLock.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              normalized.resolveSibling(normalized.getFileName() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock processLock = channel.lock();
      return new LocalClone(normalized, threadLock, channel, processLock);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  /** The folder. */
  Path dir() {
    return dir;
  }

  /**
   * Whether the folder holds something that is not a clone of ours, which must then never be
   * deleted.
   */
  boolean isForeign() throws IOException {
    if (!Files.exists(dir)) {
      return false;
    }
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent() && !Files.exists(dir.resolve(MARKER));
    }
  }

  /** Opens the clone, creating an empty one when absent. */
  Repository open() throws IOException {
    if (repository != null) {
      return repository;
    }
    if (!Files.exists(dir.resolve(MARKER))) {
      Files.createDirectories(dir);
      Repository created = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
      created.create(true);
      // Keep the cache small and never let an automatic gc race with our own reads.
      created.getConfig().setInt("gc", null, "auto", 0);
      created.getConfig().save();
      Files.writeString(
          dir.resolve(MARKER), "A cache of a Git remote made by maas; safe to delete.\n");
      repository = created;
      return repository;
    }
    repository =
        new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).setBare().build();
    if (!repository.getObjectDatabase().exists()) {
      throw new IOException("the local clone " + dir + " has no object database");
    }
    return repository;
  }

  /**
   * Deletes the clone (only ever a folder of ours), so that the next {@link #open()} starts afresh.
   */
  void wipe() throws IOException {
    closeRepository();
    if (!Files.exists(dir)) {
      return;
    }
    if (isForeign()) {
      throw new IOException("refusing to delete " + dir + ": it is not a clone made by maas");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void closeRepository() {
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeRepository();
    try {
      processLock.release();
      lockChannel.close();
    } finally {
      threadLock.unlock();
    }
  }
}
