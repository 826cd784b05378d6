package dev.maas.tokenservice.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads one key file: a {@code PRIVATE KEY} (PKCS#8) and a {@code PUBLIC KEY} (X.509) PEM block,
 * both P-256.
 *
 * <p>The public key is read, not computed: the JDK does not derive it from a PKCS#8 key, and
 * computing it here would be elliptic-curve code of our own. {@code openssl pkey -in k.pem -pubout
 * >> k.pem} adds it.
 */
final class PemKeyFile {

  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private PemKeyFile() {}

  static SigningKey read(Path file, String kid) throws IOException {
    String pem = Files.readString(file);
    String name = file.getFileName().toString();
    if (pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IOException(
          name
              + " is a SEC1 key; convert it to PKCS#8 with "
              + "`openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem`");
    }
    try {
      KeyFactory ec = KeyFactory.getInstance("EC");
      if (!(ec.generatePrivate(new PKCS8EncodedKeySpec(block(pem, PRIVATE, name)))
              instanceof ECPrivateKey priv)
          || !(ec.generatePublic(new X509EncodedKeySpec(block(pem, PUBLIC, name)))
              instanceof ECPublicKey pub)) {
        throw new IOException(name + " does not hold EC keys");
      }
      if (!Curve.P_256.equals(Curve.forECParameterSpec(priv.getParams()))
          || !Curve.P_256.equals(Curve.forECParameterSpec(pub.getParams()))) {
        throw new IOException(name + " is not on curve P-256");
      }
      SigningKey key = new SigningKey(kid, priv, pub);
      checkPair(key, name);
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The cause's message could quote key bytes; only its type is named.
      throw new IOException(
          name + " cannot be read as a P-256 key pair (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * A public key that does not belong to the private one would publish a JWKS no token verifies
   * against.
   */
  private static void checkPair(SigningKey key, String name) throws IOException {
    try {
      JWSObject probe =
          new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("key pair check"));
      probe.sign(new ECDSASigner(key.privateKey()));
      if (!probe.verify(new ECDSAVerifier(key.publicKey()))) {
        throw new IOException(name + ": the PUBLIC KEY is not the public half of the PRIVATE KEY");
      }
    } catch (JOSEException e) {
      throw new IOException(name + ": the key pair cannot sign (" + e.getMessage() + ")");
    }
  }

  private static byte[] block(String pem, String type, String name) throws IOException {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = from < 0 ? -1 : pem.indexOf(end, from);
    if (to < 0) {
      throw new IOException(
          name
              + " has no PEM \""
              + type
              + "\" block"
              + (type.equals(PUBLIC)
                  ? "; add it with `openssl pkey -in " + name + " -pubout >> " + name + "`"
                  : ""));
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
