package dev.maas.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything a compilation reads — specs, overlays, CRDs, the compiler itself — so an
 * unchanged re-run can return at once without rendering or writing.
 */
final class InputFingerprint {

  /** The file in the output folder that remembers the inputs of the last successful run. */
  static final String FILE = ".maas-fingerprint";

  private InputFingerprint() {}

  /** The fingerprint of a generate request's inputs. */
  static String of(GenerateRequest request, List<Path> specs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, "version " + request.pluginVersion());
      update(digest, "crds " + request.crdsDirectory());
      // The Git overrides change the Argo CD objects, so a run with other overrides is not up to date.
      GitTarget git = request.gitTarget();
      update(digest, "git " + (git.url() == null ? null : dev.maas.model.GitOps.withoutPassword(git.url())) + " "
          + git.branch() + " " + git.path());
      for (Path spec : specs) {
        update(digest, "spec " + spec.toAbsolutePath().normalize());
        digest.update(Files.readAllBytes(spec));
      }
      if (request.overlaysDirectory() != null) {
        hashTree(digest, request.overlaysDirectory(), true);
      }
      if (request.crdsDirectory() != null) {
        hashTree(digest, request.crdsDirectory(), false);
      }
      // The compiler's own code and templates: a rebuilt snapshot plugin must not be mistaken for the old one.
      Path code = codeSource();
      if (code != null) {
        hashTree(digest, code, false);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code outputDirectory} holds the output of a run with the same inputs, complete. */
  static boolean upToDate(Path outputDirectory, String fingerprint) {
    Path file = outputDirectory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals("inputs sha256:" + fingerprint)) {
        return false;
      }
      return lines.stream().skip(1).filter(l -> l.startsWith("platform "))
          .allMatch(l -> Files.isDirectory(outputDirectory.resolve(l.substring("platform ".length()))));
    } catch (IOException e) {
      return false;
    }
  }

  /** Records the inputs of a successful run, atomically. */
  static void record(Path outputDirectory, String fingerprint, List<String> platforms) {
    StringBuilder text = new StringBuilder("inputs sha256:").append(fingerprint).append('\n');
    platforms.forEach(p -> text.append("platform ").append(p).append('\n'));
    try {
      Files.createDirectories(outputDirectory);
      Path target = outputDirectory.resolve(FILE);
      if (Files.isRegularFile(target) && Files.readString(target).contentEquals(text)) {
        return;
      }
      Path temp = Files.createTempFile(outputDirectory, FILE, ".tmp");
      Files.writeString(temp, text);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes a record of other inputs before the output changes, so that a run cut short is never
   * taken for up to date; a record of these same inputs stays (their output is the same bytes).
   */
  static void forgetUnless(Path outputDirectory, String fingerprint) {
    Path file = outputDirectory.resolve(FILE);
    try {
      if (fingerprint != null && Files.isRegularFile(file)
          && Files.readString(file).startsWith("inputs sha256:" + fingerprint + "\n")) {
        return;
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void hashTree(MessageDigest digest, Path root, boolean contents) throws IOException {
    if (Files.isRegularFile(root)) {
      update(digest, "file " + root + " " + Files.size(root) + " " + Files.getLastModifiedTime(root).toMillis());
      return;
    }
    if (!Files.isDirectory(root)) {
      update(digest, "missing " + root);
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        update(digest, "file " + root.relativize(p));
        if (contents) {
          digest.update(Files.readAllBytes(p));
        } else {
          update(digest, Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
        }
      }
    }
  }

  private static Path codeSource() {
    try {
      var source = InputFingerprint.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (Exception e) {
      return null;
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
