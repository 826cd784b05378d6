package dev.maas.tokenservice.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.maas.tokenservice.TestService;
import dev.maas.tokenservice.keys.KeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the signer writes is verified; every forgery is refused. */
class TokenVerifierTest {

  private static final String ISS = TestService.ISSUER;
  private static final String AUD = TestService.AUDIENCE;

  @TempDir Path dir;

  private KeyPair key;
  private KeyRing ring;
  private TokenVerifier verifier;

  @BeforeEach
  void keys() throws Exception {
    key = TestService.ecKeyPair();
    TestService.writePem(dir.resolve("k1.pem"), key, key);
    ring = new KeyRing(dir, m -> {});
    ring.reload();
    verifier = new TokenVerifier(ring, ISS, AUD);
  }

  private static JWTClaimsSet.Builder good() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISS)
        .audience(AUD)
        .subject("u")
        .claim("tier", "free")
        .jwtID("j")
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  private static String sign(KeyPair pair, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
    jwt.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
    return jwt.serialize();
  }

  /** The native signer on the platforms the image is built for, and the JDK's fallback. */
  static List<SignatureProvider> providers() {
    return List.of(SignatureProvider.detect(), SignatureProvider.jdk());
  }

  @ParameterizedTest
  @MethodSource("providers")
  void whatTheSignerWritesTheVerifierAccepts(SignatureProvider provider) throws Exception {
    long now = Instant.now().getEpochSecond();
    TokenSigner signer = new TokenSigner(ISS, AUD, provider);
    for (int i = 0; i < 20; i++) {
      String jti = "j" + i;
      String token =
          signer.sign(new TokenClaims(jti, "alice", "premium", now, now + 60), ring.current());
      assertEquals(new TokenClaims(jti, "alice", "premium", now, now + 60), verifier.verify(token));
    }
  }

  @Test
  void theImagesArchitectureSignsNatively() {
    SignatureProvider detected = SignatureProvider.detect();
    assertNotNull(detected.provider(), detected.description());
    assertTrue(
        detected.description().startsWith("ES256 signatures by AWS-LC"), detected.description());
  }

  @Test
  void everyForgeryIsRefused() throws Exception {
    String valid = sign(key, "k1", good().build());
    String[] parts = valid.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"tier\":\"free\"", "\"tier\":\"enterprise\"");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(
        "tampered",
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2]);
    bad.put(
        "expired",
        sign(
            key,
            "k1",
            good()
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                .build()));
    bad.put("alg none", new PlainJWT(good().build()).serialize());
    bad.put(
        "alg none with kid",
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".");
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), good().build());
    hmac.sign(new MACSigner(new byte[32]));
    bad.put("HS256", hmac.serialize());
    bad.put("wrong audience", sign(key, "k1", good().audience("maas:other").build()));
    bad.put("wrong issuer", sign(key, "k1", good().issuer("https://evil.example").build()));
    bad.put("unknown kid", sign(key, "k2", good().build()));
    bad.put("other key, our kid", sign(TestService.ecKeyPair(), "k1", good().build()));
    bad.put("no tier", sign(key, "k1", good().claim("tier", null).build()));
    bad.put("tier not a string", sign(key, "k1", good().claim("tier", 3).build()));
    bad.put("garbage", "not.a.token");
    bad.put("huge", "a".repeat(10_000));
    for (var e : bad.entrySet()) {
      assertThrows(InvalidTokenException.class, () -> verifier.verify(e.getValue()), e.getKey());
    }
    assertTrue(
        assertThrows(InvalidTokenException.class, () -> verifier.verify(bad.get("expired")))
            .getMessage()
            .contains("expired"));
    assertTrue(
        assertThrows(InvalidTokenException.class, () -> verifier.verify(bad.get("unknown kid")))
            .getMessage()
            .contains("key id"));
  }
}
