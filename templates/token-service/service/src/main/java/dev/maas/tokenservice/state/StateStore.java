package dev.maas.tokenservice.state;

import java.io.IOException;
import java.util.List;

/**
 * Where the state lives between restarts and across replicas: one object per {@link Fact}, each
 * written with optimistic concurrency, so replicas contend only on the same fact and never lose one
 * another's.
 */
public interface StateStore extends AutoCloseable {

  /** Every fact stored and not yet pruned, as one state. */
  TokenState read() throws IOException, InterruptedException;

  /**
   * Stores {@code facts}, each merged with what the store holds under its key (a concurrent writer
   * of the same key makes it re-read and retry); answers the facts as stored.
   */
  List<Fact> write(List<Fact> facts) throws IOException, InterruptedException;

  /**
   * The stored fact of {@code kind} about {@code user}'s {@code id}, read now: one round trip, for
   * a replica that has not yet seen what another one wrote.
   */
  java.util.Optional<Fact> find(Fact.Kind kind, String user, String id)
      throws IOException, InterruptedException;

  /** Deletes the facts expired at {@code now}; answers how many went. */
  int prune(long now) throws IOException, InterruptedException;

  /** What the log says of where the state is kept. */
  String describe();

  /** Releases connections and threads; a store without any keeps this. */
  @Override
  default void close() {}
}
