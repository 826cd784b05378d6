package dev.maas.tokenservice.state;

/** A token not issued because its user already holds the live tokens one user may hold. */
public final class TooManyLiveTokens extends Exception {

  private static final long serialVersionUID = 1L;

  public TooManyLiveTokens() {
    super(
        "the user holds " + TokenLedger.MAX_LIVE_TOKENS_PER_USER + " live tokens",
        null,
        false,
        false);
  }
}
