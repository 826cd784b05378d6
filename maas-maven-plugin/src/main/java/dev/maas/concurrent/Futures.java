package dev.maas.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The values of work done on other threads. */
public final class Futures {

  private Futures() {}

  /**
   * The value of {@code future}, once done. An unchecked exception or an error thrown there is
   * thrown here as it was, not wrapped in a {@link CompletionException}, so a caller handles it as
   * if the work had run on its own thread.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }
}
