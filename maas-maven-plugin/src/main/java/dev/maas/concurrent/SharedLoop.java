package dev.maas.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A loop over {@code 0 .. size - 1} that the common pool's workers start at once and the thread
 * that waits for it joins in: each index is claimed by exactly one thread.
 *
 * <p>A parallel stream started on a pool worker runs on that pool alone, and a thread that waits
 * for a future does not help with it: on two processors (a pool of one worker) such work runs on
 * one processor while the waiting thread idles. Here the waiting thread claims indexes too.
 */
public final class SharedLoop {

  private final int size;
  private final IntConsumer body;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger unfinished;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private SharedLoop(int size, IntConsumer body) {
    this.size = size;
    this.body = body;
    this.unfinished = new AtomicInteger(size);
  }

  /** Starts {@code body} for every index on the common pool's workers; {@link #join} ends it. */
  public static SharedLoop start(int size, IntConsumer body) {
    SharedLoop loop = new SharedLoop(size, body);
    if (size == 0) {
      loop.done.complete(null);
      return loop;
    }
    int workers = Math.min(ForkJoinPool.getCommonPoolParallelism(), size);
    for (int w = 0; w < workers; w++) {
      ForkJoinPool.commonPool().execute(loop::work);
    }
    return loop;
  }

  /**
   * Runs the indexes no thread has claimed yet on this thread, then waits for the others. What
   * failed on any thread is thrown here as it was thrown (the first failure; no index is claimed
   * after it).
   */
  public void join() {
    work();
    Futures.join(done);
  }

  private void work() {
    for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
      try {
        body.accept(i);
      } catch (RuntimeException | Error e) {
        next.set(size);
        done.completeExceptionally(e);
        return;
      }
      if (unfinished.decrementAndGet() == 0) {
        done.complete(null);
      }
    }
  }
}
