package dev.maas.tokenservice.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * One key: its id, its private half (signing only) and its public half (published).
 *
 * @param kid the key id tokens name in their header
 * @param privateKey signs; never logged or published
 * @param publicKey verifies; published in the JWKS
 */
public record SigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {

  @Override
  public String toString() {
    return "SigningKey[" + kid + "]";
  }

  /**
   * The public JWK: {@code kty}, {@code crv}, {@code x}, {@code y}, {@code kid}, {@code use},
   * {@code alg}.
   */
  public ECKey publicJwk() {
    return new ECKey.Builder(Curve.P_256, publicKey)
        .keyID(kid)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.ES256)
        .build();
  }
}
