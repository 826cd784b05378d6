package dev.maas.tokenservice.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.maas.tokenservice.keys.SigningKey;
import java.security.GeneralSecurityException;
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
  private volatile SignatureProvider provider;
  private volatile ForKey forKey;

  public TokenSigner(String issuer, String audience, SignatureProvider provider) {
    this.issuer = issuer;
    this.audience = audience;
    this.provider = provider;
  }

  /**
   * Signs with {@code provider} from the next token on. The service starts with the JDK's provider
   * and switches once the native one has loaded in the background: loading it verifies its signed
   * jar and unpacks its library, which would otherwise delay readiness by most of a second.
   */
  public void use(SignatureProvider provider) {
    this.provider = provider;
    this.forKey = null;
  }

  /** The provider the next token is signed with. */
  public SignatureProvider provider() {
    return provider;
  }

  /** The compact serialization of the signed token. */
  public String sign(TokenClaims claims, SigningKey key)
      throws JOSEException, GeneralSecurityException {
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
  private ForKey forKey(SigningKey key) throws JOSEException, GeneralSecurityException {
    ForKey current = forKey;
    SignatureProvider signing = provider;
    if (current == null || current.key() != key || current.provider() != signing) {
      ECDSASigner signer = new ECDSASigner(signing.adopt(key.privateKey()));
      signer.getJCAContext().setProvider(signing.provider());
      current =
          new ForKey(
              key,
              signing,
              signer,
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
  private record ForKey(
      SigningKey key, SignatureProvider provider, ECDSASigner signer, JWSHeader header) {}
}
