package dev.maas.tokenservice.state;

/**
 * What the service keeps of an API key: its SHA-256, never the key. The key carries 256 random
 * bits, so a plain hash cannot be reversed or guessed; a slow password hash would only slow every
 * gateway check.
 *
 * @param id the key's public id, which lists and revokes it
 * @param sha256 the hex SHA-256 of the key
 * @param name the caller's name for it, or null
 * @param tier the caller's tier when it was created, which it keeps
 * @param createdAt epoch seconds
 * @param expiresAt epoch seconds
 * @param revokedAt epoch seconds when it was revoked, 0 while it is not
 */
public record ApiKeyRecord(
    String id,
    String sha256,
    String name,
    String tier,
    long createdAt,
    long expiresAt,
    long revokedAt) {

  /** Whether it authenticates at {@code now}. */
  public boolean liveAt(long now) {
    return revokedAt == 0 && expiresAt >= now;
  }

  /** The later knowledge of two replicas: a revocation seen by either one wins. */
  ApiKeyRecord merge(ApiKeyRecord other) {
    if (revokedAt != 0 && other.revokedAt != 0) {
      return revokedAt <= other.revokedAt ? this : other;
    }
    return revokedAt != 0 ? this : other;
  }
}
