package dev.maas.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every index runs once, on the pool and on the thread that joins, and failures come back. */
class SharedLoopTest {

  @Test
  void everyIndexRunsExactlyOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(10_000);
    SharedLoop.start(runs.length(), runs::incrementAndGet).join();
    for (int i = 0; i < runs.length(); i++) {
      assertEquals(1, runs.get(i), "index " + i);
    }
  }

  @Test
  void theJoiningThreadFinishesTheLoopWhenThePoolIsBusy() throws InterruptedException {
    // Every worker of the common pool waits on a latch that only the end of the test opens: the
    // loop can end only on the thread that joins it.
    int workers = ForkJoinPool.getCommonPoolParallelism();
    CountDownLatch busy = new CountDownLatch(workers);
    CountDownLatch release = new CountDownLatch(1);
    for (int w = 0; w < workers; w++) {
      ForkJoinPool.commonPool()
          .execute(
              () -> {
                busy.countDown();
                try {
                  release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
    try {
      assertTrue(busy.await(30, TimeUnit.SECONDS), "the pool's workers started");
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      SharedLoop.start(100, i -> threads.add(Thread.currentThread())).join();
      assertEquals(Set.of(Thread.currentThread()), threads);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aFailureIsThrownAsItWasThrown() {
    IllegalStateException thrown = new IllegalStateException("index 7");
    SharedLoop loop =
        SharedLoop.start(
            50,
            i -> {
              if (i == 7) {
                throw thrown;
              }
            });
    assertSame(thrown, assertThrows(IllegalStateException.class, loop::join));
  }

  @Test
  void anEmptyLoopIsDoneAtOnce() {
    SharedLoop.start(
            0,
            i -> {
              throw new AssertionError("no index");
            })
        .join();
  }
}
