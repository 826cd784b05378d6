package dev.maas.tokenservice.state;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The state in memory (read on every check) backed by a store (written on every change, before the
 * change is answered). One writer thread stores the changes; those that arrive while a write is
 * under way are written together in the next one, so a burst of issues costs a few store round
 * trips, not one each.
 */
public final class TokenLedger implements AutoCloseable {

  /**
   * Live tokens one user may hold at once: the list stays readable and the shared ConfigMap small.
   */
  public static final int MAX_LIVE_TOKENS_PER_USER = 100;

  /** Single revocations one user may have pending; beyond, revoking all is the answer. */
  public static final int MAX_REVOKED_PER_USER = 1000;

  private static final int ATTEMPTS = 8;

  /** How long a caller waits for its change to be stored before it is answered with an error. */
  private static final int WAIT_SECONDS = 30;

  private final StateStore store;
  private final long maxTtl;
  private final Clock clock;
  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile TokenState state = TokenState.EMPTY;

  /**
   * What the store holds as this replica last read or wrote it; null when unknown. Guarded by
   * {@code this}.
   */
  private Snapshot last;

  public TokenLedger(StateStore store, long maxTtl, Clock clock) {
    this.store = store;
    this.maxTtl = maxTtl;
    this.clock = clock;
    this.writer = new Thread(this::writeLoop, "maas-ledger-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** The state as this replica knows it. */
  public TokenState state() {
    return state;
  }

  /** Whether the token is revoked. */
  public boolean isRevoked(String jti, String sub, long iat) {
    return state.isRevoked(jti, sub, iat);
  }

  /** The live tokens of {@code user}. */
  public List<IssuedToken> liveTokens(String user) {
    long now = clock.instant().getEpochSecond();
    return state.issued().getOrDefault(user, Map.of()).values().stream()
        .filter(t -> t.exp() >= now && !state.isRevoked(t.jti(), user, t.iat()))
        .toList();
  }

  /**
   * The API keys of {@code user} not yet expired, revoked ones included (they count toward the cap
   * until then).
   */
  public List<ApiKeyRecord> apiKeys(String user) {
    long now = clock.instant().getEpochSecond();
    return state.apiKeys().getOrDefault(user, Map.of()).values().stream()
        .filter(k -> k.expiresAt() >= now)
        .toList();
  }

  /** How many single revocations of {@code user} are still pending. */
  public int revokedCount(String user) {
    return state.revoked().getOrDefault(user, Map.of()).size();
  }

  /**
   * Reads the store and merges it in: other replicas' changes arrive this way; what can no longer
   * matter goes.
   */
  public synchronized void reload() throws IOException, InterruptedException {
    Snapshot stored = store.read();
    state = state.merge(stored.state()).pruned(clock.instant().getEpochSecond(), maxTtl);
    last = stored;
  }

  /** Applies {@code change} and returns once it is stored. */
  public void change(Consumer<TokenState.Draft> change) throws IOException, InterruptedException {
    Pending mine = new Pending(change, new CompletableFuture<>());
    pending.add(mine);
    try {
      mine.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("the store did not take the change within " + WAIT_SECONDS + " s");
    }
  }

  /** Stops the writer; changes still queued fail. */
  @Override
  public void close() {
    writer.interrupt();
  }

  /**
   * The writer's loop: it takes every change queued meanwhile and stores them in one write. One
   * thread writes, so callers wait on their own future and never on each other.
   */
  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(pending.take());
        pending.drainTo(batch);
        synchronized (this) {
          flush(batch);
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      IOException stopped = new IOException("the ledger is closed");
      batch.forEach(p -> p.done().completeExceptionally(stopped));
      pending.forEach(p -> p.done().completeExceptionally(stopped));
    }
  }

  /**
   * Writes every pending change in one write over what this replica last read or wrote; when
   * another replica wrote since, the store refuses, and the ledger reads, merges and tries again.
   * After its own write the store holds exactly this replica's state, so the next write needs
   * neither a read nor a merge.
   */
  private void flush(List<Pending> batch) throws InterruptedException {
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Snapshot stored = last != null ? last : store.read();
        TokenState next = stored.state() == state ? state : stored.state().merge(state);
        TokenState.Draft draft = next.draft();
        batch.forEach(p -> p.change().accept(draft));
        next = draft.build().pruned(clock.instant().getEpochSecond(), maxTtl);
        Optional<Snapshot> written = store.write(next, stored);
        if (written.isPresent()) {
          state = next;
          last = written.get();
          batch.forEach(p -> p.done().complete(null));
          return;
        }
        last = null;
        Thread.sleep(20L * (attempt + 1));
      }
      IOException busy = new IOException("could not store a change: the store kept changing");
      batch.forEach(p -> p.done().completeExceptionally(busy));
    } catch (IOException | RuntimeException e) {
      last = null;
      batch.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  /** A change waiting for the writer, and the future its caller waits on. */
  private record Pending(Consumer<TokenState.Draft> change, CompletableFuture<Void> done) {}
}
