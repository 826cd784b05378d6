package dev.maas.tokenservice.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.maas.tokenservice.keys.KeyRing;
import dev.maas.tokenservice.keys.SigningKey;
import java.text.ParseException;
import java.util.Set;

/**
 * Checks signature, algorithm, key id, issuer, audience and time of one of the service's tokens.
 *
 * <p>Only ES256 with a published key id is accepted, which refuses {@code none} and algorithm
 * confusion before any key is used; revocation is the caller's next check.
 */
public final class TokenVerifier {

  /** Longer text is not parsed: our tokens are about 500 characters. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  private static final int CLOCK_SKEW_SECONDS = 5;

  private final KeyRing keys;
  private final DefaultJWTClaimsVerifier<?> claimsVerifier;

  public TokenVerifier(KeyRing keys, String issuer, String audience) {
    this.keys = keys;
    this.claimsVerifier =
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "jti", "tier", "exp", "iat"));
    this.claimsVerifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
  }

  /** The token's claims when it is valid. */
  public TokenClaims verify(String token) throws InvalidTokenException {
    if (token == null || token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException("not a token of this service");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("the token cannot be decoded");
    }
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException(
          "algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted");
    }
    SigningKey key =
        keys.find(jwt.getHeader().getKeyID())
            .orElseThrow(() -> new InvalidTokenException("unknown key id"));
    try {
      if (!jwt.verify(new ECDSAVerifier(key.publicKey()))) {
        throw new InvalidTokenException("bad signature");
      }
    } catch (JOSEException e) {
      throw new InvalidTokenException("bad signature");
    }
    try {
      claimsVerifier.verify(claims, null);
    } catch (BadJWTException e) {
      throw new InvalidTokenException(
          e.getMessage().contains("Expired") ? "the token has expired" : e.getMessage());
    }
    try {
      String tier = claims.getStringClaim("tier");
      return new TokenClaims(
          claims.getJWTID(),
          claims.getSubject(),
          tier,
          claims.getIssueTime().getTime() / 1000,
          claims.getExpirationTime().getTime() / 1000);
    } catch (ParseException e) {
      throw new InvalidTokenException("the tier claim is not a string");
    }
  }

  /**
   * The issuer a token claims, read WITHOUT verifying it, only to decide whether it is ours to
   * verify.
   */
  public static String unverifiedIssuer(String token) {
    try {
      return token.length() > MAX_TOKEN_LENGTH
          ? null
          : SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      return null;
    }
  }
}
