package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Key material made fresh for one run and thrown away with the cluster: the gateway's TLS
 * certificate and the token service's signing key. Nothing here is logged.
 */
final class TestKeys {

  private TestKeys() {}

  /** A self-signed certificate and its key, as PEM files and as the certificate a client trusts. */
  record Tls(Path certificatePem, Path keyPem, X509Certificate certificate) {}

  /**
   * A self-signed EC certificate for {@code hostname} (and 127.0.0.1, where the port-forward
   * listens), made with the JDK's keytool: no extra tool or library is needed to stand up the
   * gateway's HTTPS listener.
   */
  static Tls selfSignedTls(Path dir, String hostname)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve("gateway-tls.p12");
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Cluster.Run run =
        Cluster.exec(
            List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "gateway",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=" + hostname,
                "-ext",
                "SAN=dns:" + hostname + ",ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                password,
                "-keypass",
                password),
            Duration.ofMinutes(1));
    assertEquals(
        0, run.exit(), () -> "keytool could not make the gateway certificate:\n" + run.output());
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, password.toCharArray());
    }
    X509Certificate certificate = (X509Certificate) keyStore.getCertificate("gateway");
    PrivateKey key = (PrivateKey) keyStore.getKey("gateway", password.toCharArray());
    Files.delete(store);
    Path certificatePem =
        write(dir.resolve("gateway-tls.crt"), "CERTIFICATE", certificate.getEncoded());
    Path keyPem = write(dir.resolve("gateway-tls.key"), "PRIVATE KEY", key.getEncoded());
    return new Tls(certificatePem, keyPem, certificate);
  }

  /** A PKCS#8 EC P-256 private key, the format the token service reads from its keys folder. */
  static Path signingKey(Path file) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return write(file, "PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
  }

  private static Path write(Path file, String type, byte[] der) throws IOException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }
}
