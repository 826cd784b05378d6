package dev.maas.tokenservice.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.maas.tokenservice.keys.SigningKey;
import java.util.Date;

/**
 * Signs a token for given claims with ES256 and the key's id in the header.
 *
 * <p>The signer and the header are made once per signing key and reused while that key signs: the
 * ES256 signature itself is the cost of a token, so nothing else is rebuilt for each one. A key
 * rotation makes them anew on the first token the new key signs.
 */
public final class TokenSigner {

  private final String issuer;
  private final String audience;
  private volatile ForKey forKey;

  public TokenSigner(String issuer, String audience) {
    this.issuer = issuer;
    this.audience = audience;
  }

  /** The compact serialization of the signed token. */
  public String sign(TokenClaims claims, SigningKey key) throws JOSEException {
    ForKey signing = forKey(key);
    JWTClaimsSet set =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(claims.sub())
            .audience(audience)
            .expirationTime(new Date(claims.exp() * 1000))
            .issueTime(new Date(claims.iat() * 1000))
            .notBeforeTime(new Date(claims.iat() * 1000))
            .jwtID(claims.jti())
            .claim("tier", claims.tier())
            .build();
    SignedJWT jwt = new SignedJWT(signing.header(), set);
    jwt.sign(signing.signer());
    return jwt.serialize();
  }

  /**
   * The signer and header of {@code key}; a race on rotation makes them twice, which is harmless.
   */
  private ForKey forKey(SigningKey key) throws JOSEException {
    ForKey current = forKey;
    if (current == null || current.key() != key) {
      current =
          new ForKey(
              key,
              new ECDSASigner(key.privateKey()),
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.kid())
                  .build());
      forKey = current;
    }
    return current;
  }

  /**
   * What signing with one key needs; {@link ECDSASigner} is thread-safe (a new JCA Signature per
   * call).
   */
  private record ForKey(SigningKey key, ECDSASigner signer, JWSHeader header) {}
}
