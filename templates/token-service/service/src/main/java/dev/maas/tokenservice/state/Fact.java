package dev.maas.tokenservice.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One stored fact of the state, kept by a shared store in an object of its own: an issued token, a
 * single revocation, a user's revoke-all cut-off, or an API key. Two writers of the same fact merge
 * it; facts never conflict with each other, so replicas contend only on the same token, key or
 * user's cut-off.
 *
 * @param kind what the fact records
 * @param user whose it is
 * @param id the jti or API key id; empty for a cut-off
 * @param expiresAt the epoch second after which the fact can no longer matter and is pruned
 * @param token for {@link Kind#ISSUED}: what is kept of the token; else null
 * @param apiKey for {@link Kind#API_KEY}: what is kept of the key; else null
 * @param before for {@link Kind#CUT_OFF}: the epoch second before which every token is revoked
 */
public record Fact(
    Kind kind,
    String user,
    String id,
    long expiresAt,
    IssuedToken token,
    ApiKeyRecord apiKey,
    long before) {

  /** What a fact records; the prefix names it in store keys. */
  public enum Kind {
    ISSUED("tok"),
    REVOKED("rev"),
    CUT_OFF("cut"),
    API_KEY("key");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    /** The short name in store keys and labels. */
    public String prefix() {
      return prefix;
    }
  }

  public Fact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
    id = id == null ? "" : id;
  }

  /** The token {@code token} issued to {@code user}. */
  public static Fact issued(String user, IssuedToken token) {
    return new Fact(Kind.ISSUED, user, token.jti(), token.exp(), token, null, 0);
  }

  /** The token {@code jti} of {@code user}, which expires at {@code exp}, revoked. */
  public static Fact revoked(String user, String jti, long exp) {
    return new Fact(Kind.REVOKED, user, jti, exp, null, null, 0);
  }

  /**
   * Every token of {@code user} issued before {@code before} revoked; kept {@code maxTtl} past it,
   * when the last token it covers has expired.
   */
  public static Fact cutOff(String user, long before, long maxTtl) {
    return new Fact(Kind.CUT_OFF, user, "", before + maxTtl, null, null, before);
  }

  /** The API key {@code key} of {@code user}. */
  public static Fact apiKey(String user, ApiKeyRecord key) {
    return new Fact(Kind.API_KEY, user, key.id(), key.expiresAt(), null, key, 0);
  }

  /**
   * The fact's store key: its kind and a hash of user and id, so any user name or id makes a valid
   * object name, and one user's facts cannot collide with another's.
   */
  public String key() {
    return keyOf(kind, user, id);
  }

  /** The store key of the fact of {@code kind} about {@code user}'s {@code id}. */
  public static String keyOf(Kind kind, String user, String id) {
    return kind.prefix + "-" + hash(user + "\0" + (id == null ? "" : id));
  }

  /** The hash that labels every fact of {@code user}, so a label selector finds them. */
  public static String userHash(String user) {
    return hash(user);
  }

  /**
   * This fact and {@code other}, the same fact as another writer stored it: a revocation seen by
   * either wins, the later cut-off wins, the later expiry is kept.
   */
  public Fact merge(Fact other) {
    if (other == null || other.equals(this)) {
      return this;
    }
    if (other.kind != kind || !other.user.equals(user) || !other.id.equals(id)) {
      throw new IllegalArgumentException("not the same fact: " + key() + " and " + other.key());
    }
    long expiry = Math.max(expiresAt, other.expiresAt);
    return switch (kind) {
      case ISSUED -> token != null ? this : other;
      case REVOKED -> new Fact(kind, user, id, expiry, null, null, 0);
      case CUT_OFF -> new Fact(kind, user, id, expiry, null, null, Math.max(before, other.before));
      case API_KEY ->
          new Fact(
              kind,
              user,
              id,
              expiry,
              null,
              apiKey == null
                  ? other.apiKey
                  : other.apiKey == null ? apiKey : apiKey.merge(other.apiKey),
              0);
    };
  }

  /** Whether the fact can no longer matter at {@code now}. */
  public boolean expiredAt(long now) {
    return expiresAt < now;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      // 160 bits: no accidental collision among any number of facts a cluster could hold.
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
