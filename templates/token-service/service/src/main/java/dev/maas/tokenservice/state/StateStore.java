package dev.maas.tokenservice.state;

import java.io.IOException;

/** Where the state lives between restarts and across replicas. */
public interface StateStore {

  /** The stored state. */
  Snapshot read() throws IOException, InterruptedException;

  /** Writes {@code state}; false when someone else wrote since {@code basis} was read. */
  boolean write(TokenState state, Snapshot basis) throws IOException, InterruptedException;
}
