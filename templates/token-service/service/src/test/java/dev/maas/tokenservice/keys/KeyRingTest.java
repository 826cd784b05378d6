package dev.maas.tokenservice.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.tokenservice.TestService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files: who signs, what is published, and every malformed key named. */
class KeyRingTest {

  @TempDir Path dir;

  private final List<String> log = new ArrayList<>();

  @Test
  void theHighestFileNameSignsAndEveryKeyIsPublished() throws Exception {
    KeyPair a = TestService.ecKeyPair();
    KeyPair b = TestService.ecKeyPair();
    TestService.writePem(dir.resolve("2026-01-01.pem"), a, a);
    TestService.writePem(dir.resolve("2026-06-01.pem"), b, b);
    Files.writeString(dir.resolve("..data"), "ignored");
    KeyRing ring = new KeyRing(dir, log::add);
    ring.reload();
    assertEquals("2026-06-01", ring.current().kid());
    assertEquals(b.getPublic(), ring.current().publicKey());
    assertEquals(2, ((List<?>) ring.jwks().get("keys")).size());
    assertFalse(ring.jwks().toString().contains("\"d\""), "no private part in the JWKS");
    assertTrue(log.get(0).contains("signing with 2026-06-01"));
  }

  @Test
  void aFileNameThatIsNoSafeKeyIdGetsTheThumbprint() throws Exception {
    KeyPair a = TestService.ecKeyPair();
    TestService.writePem(dir.resolve("key with spaces\".pem"), a, a);
    KeyRing ring = new KeyRing(dir, log::add);
    ring.reload();
    assertEquals(ring.current().publicJwk().computeThumbprint().toString(), ring.current().kid());
  }

  @Test
  void aPublicKeyOfAnotherPairIsRefused() throws Exception {
    TestService.writePem(dir.resolve("k.pem"), TestService.ecKeyPair(), TestService.ecKeyPair());
    IOException e = assertThrows(IOException.class, () -> new KeyRing(dir, log::add).reload());
    assertTrue(e.getMessage().contains("not the public half"), e.getMessage());
  }

  @Test
  void missingPublicKeysSec1KeysAndOtherCurvesAreNamed() throws Exception {
    KeyPair a = TestService.ecKeyPair();
    Files.writeString(
        dir.resolve("k.pem"), TestService.pem("PRIVATE KEY", a.getPrivate().getEncoded()));
    assertTrue(
        assertThrows(IOException.class, () -> new KeyRing(dir, log::add).reload())
            .getMessage()
            .contains("-pubout"));
    Files.writeString(
        dir.resolve("k.pem"),
        "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
    assertTrue(
        assertThrows(IOException.class, () -> new KeyRing(dir, log::add).reload())
            .getMessage()
            .contains("PKCS#8"));
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(384);
    KeyPair p384 = g.generateKeyPair();
    TestService.writePem(dir.resolve("k.pem"), p384, p384);
    assertTrue(
        assertThrows(IOException.class, () -> new KeyRing(dir, log::add).reload())
            .getMessage()
            .contains("P-256"));
  }

  @Test
  void anEmptyFolderIsAnError() {
    assertThrows(IOException.class, () -> new KeyRing(dir, log::add).reload());
  }
}
