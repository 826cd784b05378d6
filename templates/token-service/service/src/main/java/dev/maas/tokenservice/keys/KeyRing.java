package dev.maas.tokenservice.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The keys in the keys folder. The file whose name sorts highest signs; all are published, so
 * tokens signed by an older key stay valid until they expire. Name files by date ({@code
 * 2026-01-15.pem}) to rotate.
 */
public final class KeyRing {

  private final Path dir;
  private final Consumer<String> log;
  private volatile List<SigningKey> keys = List.of();
  private volatile Map<String, SigningKey> byKid = Map.of();
  private volatile String fingerprint;

  public KeyRing(Path dir, Consumer<String> log) {
    this.dir = dir;
    this.log = log;
  }

  /** The key that signs new tokens. */
  public SigningKey current() {
    return keys.get(keys.size() - 1);
  }

  /** The key named {@code kid}. */
  public Optional<SigningKey> find(String kid) {
    return Optional.ofNullable(kid == null ? null : byKid.get(kid));
  }

  /** Every key, oldest file name first. */
  public List<SigningKey> all() {
    return keys;
  }

  /** The public JWKS as a JSON object. */
  public Map<String, Object> jwks() {
    List<JWK> list = new ArrayList<>();
    keys.forEach(k -> list.add(k.publicJwk()));
    return new JWKSet(list).toJSONObject(true);
  }

  /**
   * Loads the folder again when its files changed; keeps the keys it has when the new set is
   * unusable.
   */
  public void reload() throws IOException {
    List<Path> files = new ArrayList<>();
    try (var list = Files.list(dir)) {
      // Secret volumes hold hidden "..data" entries beside the key links; only visible *.pem files
      // count.
      list.filter(
              p ->
                  p.getFileName().toString().endsWith(".pem")
                      && !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .forEach(files::add);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    StringBuilder print = new StringBuilder();
    for (Path f : files) {
      print
          .append(f.getFileName())
          .append(':')
          .append(Files.getLastModifiedTime(f).toMillis())
          .append(';');
    }
    if (print.toString().equals(fingerprint)) {
      return;
    }
    if (files.isEmpty()) {
      throw new IOException("no *.pem signing key in " + dir);
    }
    List<SigningKey> loaded = new ArrayList<>();
    Map<String, SigningKey> index = new LinkedHashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String base = name.substring(0, name.length() - ".pem".length());
      SigningKey key = PemKeyFile.read(f, KeyIds.isSafe(base) ? base : null);
      if (key.kid() == null) {
        key = new SigningKey(thumbprint(key), key.privateKey(), key.publicKey());
      }
      loaded.add(key);
      index.put(key.kid(), key);
    }
    keys = List.copyOf(loaded);
    byKid = Map.copyOf(index);
    fingerprint = print.toString();
    log.accept("loaded signing keys " + index.keySet() + "; signing with " + current().kid());
  }

  /** The RFC 7638 thumbprint, for files whose names are not usable key ids. */
  private static String thumbprint(SigningKey key) throws IOException {
    try {
      return new ECKey.Builder(Curve.P_256, key.publicKey()).build().computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IOException("cannot compute a key thumbprint", e);
    }
  }
}
