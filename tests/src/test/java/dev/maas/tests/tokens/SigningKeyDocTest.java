package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.maas.model.Platform;
import dev.maas.tests.docs.MarkdownBlocks;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key docs/install.md tells a reader to make is one the generated token service signs
 * with: the page's own {@code openssl} block runs in a fresh folder, the key it makes is put where
 * the Secret puts it, and the token service of the reference spec, started as its own process on
 * 127.0.0.1, issues a token that carries the file's name as key id and verifies with the public key
 * written beside the private one.
 */
class SigningKeyDocTest {

  private static final String PAGE = "docs/install.md";
  private static final String PUBLIC_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PUBLIC_END = "-----END PUBLIC KEY-----";

  @TempDir Path dir;

  @Test
  void theDocumentedKeySignsTheTokensOfTheTokenService() throws Exception {
    assumeTrue(
        onPath("openssl"),
        PAGE + ": openssl is not on the PATH, so the page's key commands cannot run here");
    Path root = Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
    List<MarkdownBlocks.Block> blocks = MarkdownBlocks.read(root.resolve(PAGE), PAGE);
    List<MarkdownBlocks.Block> keyBlocks =
        blocks.stream()
            .filter(b -> b.language().equals("sh") && b.text().contains("openssl genpkey"))
            .toList();
    assertEquals(1, keyBlocks.size(), PAGE + " has one block that makes the signing key");

    // The reader's commands, as written, from a folder of their own.
    Path reader = Files.createDirectories(dir.resolve("reader"));
    Process openssl =
        new ProcessBuilder("bash", "-e", "-c", keyBlocks.get(0).text())
            .directory(reader.toFile())
            .redirectErrorStream(true)
            .start();
    String printed = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS), keyBlocks.get(0).where() + " finishes");
    assertEquals(0, openssl.exitValue(), keyBlocks.get(0).where() + " failed:\n" + printed);
    List<Path> pems;
    try (Stream<Path> walk = Files.walk(reader)) {
      pems = walk.filter(p -> p.getFileName().toString().endsWith(".pem")).toList();
    }
    assertEquals(1, pems.size(), "the block makes one key file: " + pems);
    Path pem = pems.get(0);
    String file = pem.getFileName().toString();
    String kid = file.substring(0, file.length() - ".pem".length());
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(pem),
        "only its owner may read the key");

    // The Secret the page creates from it is the one the spec names, in the spec's namespace.
    Platform platform = ServiceProcess.acme();
    String secret = platform.tokens().signingKeySecret();
    String createSecret =
        "kubectl create secret generic "
            + secret
            + " --namespace "
            + platform.tokens().namespace()
            + " --from-file="
            + reader.relativize(pem);
    assertTrue(
        blocks.stream()
            .anyMatch(
                b ->
                    b.language().equals("sh")
                        && b.attributes().contains("needs=cluster")
                        && b.text()
                            .replace("\\\n", " ")
                            .replaceAll("\\s+", " ")
                            .contains(createSecret)),
        PAGE + " creates the Secret with `" + createSecret + "`");

    // The token service of the reference spec, with the key where the Secret's volume puts it.
    Path service = Files.createDirectories(dir.resolve("service"));
    ServiceProcess.writeConfig(platform, service);
    Files.copy(pem, Files.createDirectories(service.resolve("keys")).resolve(file));
    ServiceProcess started = ServiceProcess.launch(ServiceProcess.serviceCommand(), service);
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> issued =
          http.send(
              HttpRequest.newBuilder(URI.create(started.base() + "/v1/tokens"))
                  .header("X-MaaS-Username", "doc-reader")
                  .header("X-MaaS-Groups", "[\"premium-users\"]")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, issued.statusCode(), issued.body());
      SignedJWT token = SignedJWT.parse((String) JSONObjectUtils.parse(issued.body()).get("token"));
      assertEquals(JWSAlgorithm.ES256, token.getHeader().getAlgorithm());
      assertEquals(kid, token.getHeader().getKeyID(), "the key id is the file name without .pem");

      ECPublicKey written = publicKeyOf(Files.readString(pem));
      assertTrue(
          token.verify(new ECDSAVerifier(written)),
          "the token verifies with the PUBLIC KEY block the page appends to the key file");
      JWKSet jwks =
          JWKSet.parse(
              http.send(
                      HttpRequest.newBuilder(URI.create(started.base() + "/.well-known/jwks.json"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      ECKey published = (ECKey) jwks.getKeyByKeyId(kid);
      assertNotNull(published, "the service publishes the key under its id: " + jwks);
      assertEquals(
          written.getW(),
          published.toECPublicKey().getW(),
          "the published key is the file's public key");
      assertEquals(1, jwks.getKeys().size());

      String log = ServiceProcess.log(service);
      assertTrue(log.contains("signing with " + kid), log);
      assertFalse(log.contains("PRIVATE KEY"), "the log shows no key");
    } finally {
      started.close();
    }
  }

  /**
   * The X.509 {@code PUBLIC KEY} block of a key file, which the next version of the service reads.
   */
  private static ECPublicKey publicKeyOf(String pem) throws Exception {
    int begin = pem.indexOf(PUBLIC_BEGIN);
    int end = pem.indexOf(PUBLIC_END);
    assertTrue(
        begin > pem.indexOf("-----END PRIVATE KEY-----") && end > begin,
        "the file holds the private key, then its public key");
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PUBLIC_BEGIN.length(), end));
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
  }

  private static boolean onPath(String tool) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
        return true;
      }
    }
    return false;
  }
}
