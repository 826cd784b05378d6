package dev.maas.tokenservice.state;

import java.io.IOException;
import java.util.Optional;

/** Where the state lives between restarts and across replicas. */
public interface StateStore {

  /** The stored state. */
  Snapshot read() throws IOException, InterruptedException;

  /**
   * Writes {@code state}: what the store now holds, or empty when someone else wrote since {@code
   * basis}.
   */
  Optional<Snapshot> write(TokenState state, Snapshot basis)
      throws IOException, InterruptedException;
}
