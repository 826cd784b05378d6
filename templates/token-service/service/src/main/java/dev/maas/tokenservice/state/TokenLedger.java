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
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The state in memory (read on every check) backed by a store (written on every change, before the
 * change is answered). One writer thread stores the changes; those that arrive while a write is
 * under way are written together in the next one, so a burst of issues costs a few store round
 * trips, not one each. A store that indexes issued tokens itself ({@link IssuedTokenIndex}) keeps
 * them out of memory: lists and the per-user cap are then answered by the store.
 */
public final class TokenLedger implements AutoCloseable {

  /** Live tokens one user may hold at once: the list stays readable and the store small. */
  public static final int MAX_LIVE_TOKENS_PER_USER = 100;

  /**
   * Single revocations one user may have pending (until the revoked tokens expire); the next one
   * revokes all of the user's tokens with one cut-off instead, so revoking never fails. With {@link
   * #MAX_LIVE_TOKENS_PER_USER}, 50 API keys and one cut-off, a user has at most 351 objects in the
   * store.
   */
  public static final int MAX_REVOKED_PER_USER = 200;

  /** How long a caller waits for its change to be stored before it is answered with an error. */
  private static final int WAIT_SECONDS = 30;

  private final StateStore store;

  /** The store's own index of issued tokens, or null when the state in memory holds them. */
  private final IssuedTokenIndex index;

  private final long maxTtl;
  private final Clock clock;
  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final ScheduledExecutorService sweeper;

  /** The changes the writer is storing now, for the sweep of late ones. */
  private volatile List<Pending> inFlight = List.of();

  /** Replaced whole, under {@code this}, by the writer and by reloads; read without a lock. */
  private volatile TokenState state = TokenState.EMPTY;

  public TokenLedger(StateStore store, long maxTtl, Clock clock) {
    this.store = store;
    this.index = store instanceof IssuedTokenIndex i ? i : null;
    this.maxTtl = maxTtl;
    this.clock = clock;
    this.writer = new Thread(this::writeLoop, "maas-ledger-writer");
    writer.setDaemon(true);
    writer.start();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "maas-ledger-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::expireWaiting, 1, 1, TimeUnit.SECONDS);
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
  public List<IssuedToken> liveTokens(String user) throws IOException {
    long now = clock.instant().getEpochSecond();
    if (index != null) {
      TokenState known = state;
      return index.live(user, now).stream()
          .filter(t -> !known.isRevoked(t.jti(), user, t.iat()))
          .toList();
    }
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

  /**
   * The live token {@code jti} of {@code user}: as this replica knows it, or, when it does not yet,
   * as the store holds it now (issued on another replica since the last reload).
   */
  public Optional<IssuedToken> liveToken(String user, String jti)
      throws IOException, InterruptedException {
    if (index != null) {
      return indexedToken(user, jti);
    }
    Optional<IssuedToken> known = live(user, jti);
    if (known.isPresent() || jti == null || jti.isEmpty()) {
      return known;
    }
    List<Fact> found = new ArrayList<>();
    store.find(Fact.Kind.ISSUED, user, jti).ifPresent(found::add);
    if (found.isEmpty()) {
      return known;
    }
    store.find(Fact.Kind.REVOKED, user, jti).ifPresent(found::add);
    store.find(Fact.Kind.CUT_OFF, user, "").ifPresent(found::add);
    learn(found);
    return live(user, jti);
  }

  /**
   * The API key {@code id} of {@code user} not yet expired: as this replica knows it, or as the
   * store holds it now.
   */
  public Optional<ApiKeyRecord> apiKey(String user, String id)
      throws IOException, InterruptedException {
    Optional<ApiKeyRecord> known =
        apiKeys(user).stream().filter(k -> k.id().equals(id)).findFirst();
    if (known.isPresent() || id == null || id.isEmpty()) {
      return known;
    }
    Optional<Fact> stored = store.find(Fact.Kind.API_KEY, user, id);
    if (stored.isEmpty()) {
      return known;
    }
    learn(stored.stream().toList());
    return apiKeys(user).stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /** The live token {@code jti} of {@code user} as the store's index holds it now. */
  private Optional<IssuedToken> indexedToken(String user, String jti)
      throws IOException, InterruptedException {
    if (jti == null || jti.isEmpty()) {
      return Optional.empty();
    }
    Optional<Fact> issued = store.find(Fact.Kind.ISSUED, user, jti);
    if (issued.isEmpty() || issued.get().token().exp() < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    // A revocation another replica stored since the last reload.
    List<Fact> found = new ArrayList<>();
    store.find(Fact.Kind.REVOKED, user, jti).ifPresent(found::add);
    store.find(Fact.Kind.CUT_OFF, user, "").ifPresent(found::add);
    if (!found.isEmpty()) {
      learn(found);
    }
    IssuedToken token = issued.get().token();
    return state.isRevoked(jti, user, token.iat()) ? Optional.empty() : Optional.of(token);
  }

  private Optional<IssuedToken> live(String user, String jti) throws IOException {
    return liveTokens(user).stream().filter(t -> t.jti().equals(jti)).findFirst();
  }

  /** Merges facts read from the store into this replica's state. */
  private synchronized void learn(List<Fact> facts) {
    TokenState.Draft draft = state.draft();
    facts.forEach(draft::apply);
    state = kept(draft.build());
  }

  /** {@code next} as this replica keeps it: without issued tokens when the store indexes them. */
  private TokenState kept(TokenState next) {
    return index == null || next.issued().isEmpty() ? next : next.withoutIssued();
  }

  /** How many single revocations of {@code user} are still pending. */
  public int revokedCount(String user) {
    return state.revoked().getOrDefault(user, Map.of()).size();
  }

  /**
   * Reads the store and merges it in: other replicas' changes arrive this way; what can no longer
   * matter goes. The read happens outside the lock, so writes go on meanwhile; merging is a union,
   * so the order of a read and a write does not matter.
   */
  public void reload() throws IOException, InterruptedException {
    TokenState stored = store.read();
    synchronized (this) {
      state = state.merge(stored).pruned(clock.instant().getEpochSecond(), maxTtl);
    }
  }

  /** Deletes the facts that expired from the store; answers how many went. */
  public int prune() throws IOException, InterruptedException {
    return store.prune(clock.instant().getEpochSecond());
  }

  /**
   * Records {@code token} as issued to {@code user}; the answer completes once it is stored, or
   * fails with {@link TooManyLiveTokens} when the user holds {@link #MAX_LIVE_TOKENS_PER_USER} live
   * tokens (counted by the store when it indexes them, so across replicas), or with an {@link
   * IOException}.
   */
  public CompletableFuture<Void> issue(String user, IssuedToken token) {
    if (index == null) {
      try {
        if (liveTokens(user).size() >= MAX_LIVE_TOKENS_PER_USER) {
          return CompletableFuture.failedFuture(new TooManyLiveTokens());
        }
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
      return submit(d -> d.issue(user, token));
    }
    Pending mine =
        new Pending(
            null,
            Fact.issued(user, token),
            new CompletableFuture<>(),
            System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
    pending.add(mine);
    return mine.done();
  }

  /** Applies {@code change} and returns once it is stored. */
  public void change(Consumer<TokenState.Draft> change) throws IOException, InterruptedException {
    try {
      submit(change).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /**
   * Applies {@code change}; the answer completes once it is stored, or fails with an {@link
   * IOException} when it is not stored within {@link #WAIT_SECONDS}. The caller's thread does not
   * wait: what follows the write runs on the thread that stored it.
   */
  public CompletableFuture<Void> submit(Consumer<TokenState.Draft> change) {
    Pending mine =
        new Pending(
            change,
            null,
            new CompletableFuture<>(),
            System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
    pending.add(mine);
    return mine.done();
  }

  /**
   * Fails the changes that waited longer than {@link #WAIT_SECONDS}, in the write under way and in
   * the queue; the writer may still store them. One sweep a second for all callers: a timer per
   * change cost more than the change.
   */
  private void expireWaiting() {
    long now = System.nanoTime();
    IOException late =
        new IOException("the store did not take the change within " + WAIT_SECONDS + " s");
    for (Pending p : inFlight) {
      if (now - p.deadline() > 0) {
        p.done().completeExceptionally(late);
      }
    }
    for (Pending p : pending) {
      if (now - p.deadline() <= 0) {
        // The queue is in the order of submission: the rest are younger.
        break;
      }
      p.done().completeExceptionally(late);
    }
  }

  /** Stops the writer (changes still queued fail) and closes the store. */
  @Override
  public void close() {
    writer.interrupt();
    sweeper.shutdownNow();
    store.close();
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
        inFlight = List.copyOf(batch);
        flush(batch.stream().filter(p -> p.issue() == null).toList());
        flushIssues(batch.stream().filter(p -> p.issue() != null).toList());
        inFlight = List.of();
        batch.clear();
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
      }
    } catch (InterruptedException e) {
      IOException stopped = new IOException("the ledger is closed");
      batch.forEach(p -> p.done().completeExceptionally(stopped));
      pending.forEach(p -> p.done().completeExceptionally(stopped));
    }
  }

  /**
   * Stores the facts every pending change makes, in one call to the store; then applies them as
   * stored. Each fact is its own store object, so another replica's write never makes this one
   * retry the batch: the store retries only a fact that another writer changed meanwhile.
   */
  private void flush(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      TokenState base = state;
      TokenState.Draft draft = base.draft(clock.instant().getEpochSecond(), maxTtl);
      batch.forEach(p -> p.change().accept(draft));
      List<Fact> changes = draft.changes();
      List<Fact> stored = store.write(changes);
      synchronized (this) {
        // Usually every fact was stored as it was made and nothing replaced the state meanwhile:
        // the draft is then the new state, and copying every user's entry once more to merge the
        // same facts in again is saved.
        if (state == base && stored.equals(changes)) {
          state = kept(draft.build());
        } else {
          learn(stored);
        }
      }
      batch.forEach(p -> p.done().complete(null));
    } catch (IOException | RuntimeException e) {
      batch.forEach(p -> p.done().completeExceptionally(e));
    } catch (InterruptedException e) {
      batch.forEach(p -> p.done().completeExceptionally(new IOException("the ledger is closed")));
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Records the issued tokens of {@code batch} in the store's index, in one call: each under the
   * per-user cap, which the store checks as it records them.
   */
  private void flushIssues(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<Boolean> recorded =
          index.issue(
              batch.stream().map(Pending::issue).toList(),
              MAX_LIVE_TOKENS_PER_USER,
              clock.instant().getEpochSecond());
      for (int i = 0; i < batch.size(); i++) {
        Pending p = batch.get(i);
        if (recorded.get(i)) {
          p.done().complete(null);
        } else {
          p.done().completeExceptionally(new TooManyLiveTokens());
        }
      }
    } catch (IOException | RuntimeException e) {
      batch.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  /**
   * A change waiting for the writer, or a token to record in the store's index, and the future its
   * caller waits on.
   */
  private record Pending(
      Consumer<TokenState.Draft> change, Fact issue, CompletableFuture<Void> done, long deadline) {}
}
