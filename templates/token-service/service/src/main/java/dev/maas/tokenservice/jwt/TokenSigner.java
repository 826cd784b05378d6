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

/** Signs a token for given claims with ES256 and the key's id in the header. */
public final class TokenSigner {

  private final String issuer;
  private final String audience;

  public TokenSigner(String issuer, String audience) {
    this.issuer = issuer;
    this.audience = audience;
  }

  /** The compact serialization of the signed token. */
  public String sign(TokenClaims claims, SigningKey key) throws JOSEException {
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
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
                .build(),
            set);
    jwt.sign(new ECDSASigner(key.privateKey()));
    return jwt.serialize();
  }
}
