package dev.maas.tokenservice.state;

import java.io.IOException;
import java.util.List;

/**
 * A store that keeps every user's issued tokens itself, with the per-user cap checked where they
 * are kept: replicas then hold no issued token in memory, and the cap holds across replicas.
 */
public interface IssuedTokenIndex {

  /**
   * Records each issued fact unless its user already holds {@code cap} live tokens at {@code now};
   * answers, per fact and in order, whether it was recorded.
   */
  List<Boolean> issue(List<Fact> issued, int cap, long now) throws IOException;

  /** The tokens of {@code user} recorded and not expired at {@code now}, revoked ones excluded. */
  List<IssuedToken> live(String user, long now) throws IOException;
}
