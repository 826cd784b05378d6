package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
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
      // The Git overrides change the Argo CD objects, so a run with other overrides is not up to
      // date.
      GitTarget git = request.gitTarget();
      update(
          digest,
          "git "
              + (git.url() == null ? null : dev.maas.model.GitOps.withoutPassword(git.url()))
              + " "
              + git.branch()
              + " "
              + git.path());
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
      // The compiler's own code and templates: a rebuilt snapshot plugin must not be mistaken for
      // the old one.
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
      return lines.stream()
          .skip(1)
          .filter(l -> l.startsWith("platform "))
          .allMatch(
              l -> Files.isDirectory(outputDirectory.resolve(l.substring("platform ".length()))));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The warnings recorded with the last run's inputs, shown again by an up-to-date run so that it
   * reports and gates on them (maas.failOnWarning) exactly as the run that compiled.
   */
  static List<Diagnostic> warnings(Path outputDirectory) {
    try {
      return Files.readAllLines(outputDirectory.resolve(FILE), StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith(WARNING))
          .map(InputFingerprint::parseWarning)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the inputs of a successful run and its warnings, atomically. */
  static void record(
      Path outputDirectory, String fingerprint, List<String> platforms, List<Diagnostic> warnings) {
    StringBuilder text = new StringBuilder("inputs sha256:").append(fingerprint).append('\n');
    platforms.forEach(p -> text.append("platform ").append(p).append('\n'));
    warnings.forEach(w -> text.append(formatWarning(w)).append('\n'));
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
      if (fingerprint != null
          && Files.isRegularFile(file)
          && Files.readString(file).startsWith("inputs sha256:" + fingerprint + "\n")) {
        return;
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String WARNING = "warning\t";

  private static String formatWarning(Diagnostic d) {
    SourceLocation at = d.location();
    return WARNING
        + String.join(
            "\t",
            escape(d.code()),
            escape(at.file()),
            String.valueOf(at.line()),
            String.valueOf(at.column()),
            escape(d.pointer()),
            escape(d.message()),
            escape(d.hint() == null ? "" : d.hint()));
  }

  private static Diagnostic parseWarning(String line) {
    String[] f = line.substring(WARNING.length()).split("\t", -1);
    return Diagnostic.warning(
        unescape(f[0]),
        new SourceLocation(unescape(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])),
        unescape(f[4]),
        unescape(f[5]),
        f[6].isEmpty() ? null : unescape(f[6]));
  }

  /** One field on one line: a spec's text may hold tabs and line breaks. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void hashTree(MessageDigest digest, Path root, boolean contents)
      throws IOException {
    if (Files.isRegularFile(root)) {
      update(
          digest,
          "file "
              + root
              + " "
              + Files.size(root)
              + " "
              + Files.getLastModifiedTime(root).toMillis());
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
