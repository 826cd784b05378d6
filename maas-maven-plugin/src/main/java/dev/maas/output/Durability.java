package dev.maas.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forces written files to the disk. One {@code fsync} per file written in turn costs a journal commit
 * each (seconds for a thousand files); forcing them from several threads at once after all are written
 * lets the file system commit them together, with the same guarantee.
 */
final class Durability {

  /** Threads waiting on the disk, not computing: more than the processors is right. */
  private static final int THREADS = 16;

  /** Below this many files a pool is not worth starting. */
  private static final int SERIAL_BELOW = 8;

  private Durability() {}

  /** Returns once every file in {@code files} is on the disk. */
  static void force(List<Path> files) throws IOException {
    if (files.size() < SERIAL_BELOW) {
      for (Path file : files) {
        force(file);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, files.size()), runnable -> {
      Thread t = new Thread(runnable, "maas-fsync");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> pending = new ArrayList<>(files.size());
      for (Path file : files) {
        pending.add(pool.submit(() -> {
          force(file);
          return null;
        }));
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while flushing the output to disk", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }
}
