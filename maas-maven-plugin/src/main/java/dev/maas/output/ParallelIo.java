package dev.maas.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs file operations from several threads at once. Creating and forcing a thousand files one
 * after the other costs a file-system round trip (and, for {@code fsync}, a journal commit) each;
 * issued together they overlap, and the file system commits many forced files at once, with the
 * same guarantees.
 */
final class ParallelIo {

  /**
   * Threads that mostly wait on the file system, not compute: more than the processors is right.
   */
  private static final int THREADS = 16;

  /** Below this many items a pool is not worth starting. */
  private static final int SERIAL_BELOW = 8;

  /** One operation on one item. */
  interface Action<T> {
    void apply(T item) throws IOException;
  }

  private ParallelIo() {}

  /**
   * Applies {@code action} to every item and returns when all are done; the first failure is
   * thrown.
   */
  static <T> void forEach(List<T> items, Action<T> action) throws IOException {
    if (items.size() < SERIAL_BELOW) {
      for (T item : items) {
        action.apply(item);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, items.size()),
            runnable -> {
              Thread t = new Thread(runnable, "maas-io");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> pending = new ArrayList<>(items.size());
      for (T item : items) {
        pending.add(
            pool.submit(
                () -> {
                  action.apply(item);
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
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the output", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
