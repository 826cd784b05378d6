package dev.maas.tokenservice.jwt;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Where ES256 signatures are computed: AWS-LC's native ECDSA through the Amazon Corretto Crypto
 * Provider where its library loads, else the JDK's own provider.
 *
 * <p>A signature is the cost of a token. The JDK's P-256 signs in about 330 us on the x86-64
 * machines this runs on (no AVX-512 for its field arithmetic), the native one in about 22 us; see
 * docs/performance.md. The provider is asked for by object, never installed globally, so nothing
 * else in the process changes provider. An image for an architecture the bundled library does not
 * cover still signs, with the JDK, and says so at start.
 *
 * @param provider the provider nimbus-jose-jwt's signer uses; {@code null} for the JDK's default
 * @param description what the start log says of it
 */
public record SignatureProvider(Provider provider, String description) {

  /** The native provider if it loaded and passed its self-tests, else the JDK's. */
  public static SignatureProvider detect() {
    Throwable unavailable;
    try {
      AmazonCorrettoCryptoProvider native_ = AmazonCorrettoCryptoProvider.INSTANCE;
      unavailable = native_.getLoadingError();
      if (unavailable == null) {
        native_.assertHealthy();
        return new SignatureProvider(
            native_,
            "ES256 signatures by "
                + native_.getAwsLcVersionStr()
                + " (Amazon Corretto Crypto Provider "
                + native_.getVersionStr()
                + ")");
      }
    } catch (RuntimeException | LinkageError e) {
      unavailable = e;
    }
    return new SignatureProvider(
        null, "ES256 signatures by the JDK (native provider unavailable: " + unavailable + ")");
  }

  /** The JDK's provider, for tests that compare against it. */
  public static SignatureProvider jdk() {
    return new SignatureProvider(null, "ES256 signatures by the JDK");
  }

  /**
   * {@code key} as a key object of this provider, so each signature does not translate it again.
   */
  ECPrivateKey adopt(ECPrivateKey key) throws GeneralSecurityException {
    if (provider == null) {
      return key;
    }
    return (ECPrivateKey)
        KeyFactory.getInstance("EC", provider)
            .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
  }
}
