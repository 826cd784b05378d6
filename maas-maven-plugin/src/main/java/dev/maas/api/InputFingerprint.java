package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A digest of everything a compilation reads — specs, overlays, CRDs, the compiler itself — so an
 * unchanged re-run can return at once without rendering or writing.
 *
 * <p>This class is the whole of an unchanged run, so it loads as little as it can: two CRCs rather
 * than SHA-256 (a fresh JVM spends tens of milliseconds setting up its security providers and
 * interpreting SHA-256 over a large spec, where the CRCs are intrinsics from the first byte), and
 * loops and string builders rather than streams, lambdas and {@code +} on strings, each of which
 * makes the JVM spin classes at its first use. The digest tells edits apart, not attacks: whoever
 * can change the inputs can change the output folder as well.
 */
final class InputFingerprint {

  /** The file in the output folder that remembers the inputs of the last successful run. */
  static final String FILE = ".maas-fingerprint";

  /** The record's first line up to the fingerprint. */
  private static final String INPUTS = "inputs crc32c+crc32:";

  private static final String PLATFORM = "platform ";

  private InputFingerprint() {}

  /** The fingerprint of a generate request's inputs. */
  static String of(GenerateRequest request, List<Path> specs) {
    try {
      Digest digest = new Digest();
      digest.line("version ", request.pluginVersion());
      digest.line("crds ", String.valueOf(request.crdsDirectory()));
      // The Git overrides change the Argo CD objects, so a run with other overrides is not up to
      // date.
      GitTarget git = request.gitTarget();
      digest.line(
          "git ",
          git.url() == null ? "null" : dev.maas.model.GitOps.withoutPassword(git.url()),
          " ",
          String.valueOf(git.branch()),
          " ",
          String.valueOf(git.path()));
      for (Path spec : specs) {
        digest.line("spec ", spec.toAbsolutePath().normalize().toString());
        digest.bytes(Files.readAllBytes(spec));
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
      return digest.hex();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
      if (lines.isEmpty() || !lines.get(0).equals(INPUTS.concat(fingerprint))) {
        return false;
      }
      for (String line : lines) {
        if (line.startsWith(PLATFORM)
            && !Files.isDirectory(outputDirectory.resolve(line.substring(PLATFORM.length())))) {
          return false;
        }
      }
      return true;
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
      List<Diagnostic> warnings = new ArrayList<>();
      for (String line :
          Files.readAllLines(outputDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
        if (line.startsWith(WARNING)) {
          warnings.add(parseWarning(line));
        }
      }
      return Collections.unmodifiableList(warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the inputs of a successful run and its warnings, atomically. */
  static void record(
      Path outputDirectory, String fingerprint, List<String> platforms, List<Diagnostic> warnings) {
    StringBuilder text = new StringBuilder(INPUTS).append(fingerprint).append('\n');
    platforms.forEach(p -> text.append(PLATFORM).append(p).append('\n'));
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
          && Files.readString(file).startsWith(INPUTS + fingerprint + "\n")) {
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
    if (s.indexOf('\\') < 0) {
      return s;
    }
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

  private static void hashTree(Digest digest, Path root, boolean contents) throws IOException {
    if (Files.isRegularFile(root)) {
      digest.line(
          "file ",
          root.toString(),
          " ",
          Long.toString(Files.size(root)),
          " ",
          Long.toString(Files.getLastModifiedTime(root).toMillis()));
      return;
    }
    if (!Files.isDirectory(root)) {
      digest.line("missing ", root.toString());
      return;
    }
    List<Path> files = new ArrayList<>();
    regularFiles(root, files);
    Collections.sort(files);
    for (Path p : files) {
      digest.line("file ", root.relativize(p).toString());
      if (contents) {
        digest.bytes(Files.readAllBytes(p));
      } else {
        digest.line(
            Long.toString(Files.size(p)),
            " ",
            Long.toString(Files.getLastModifiedTime(p).toMillis()));
      }
    }
  }

  /**
   * Every regular file below {@code folder}, as {@code Files.walk} finds them (links not followed).
   */
  private static void regularFiles(Path folder, List<Path> into) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          regularFiles(entry, into);
        } else if (Files.isRegularFile(entry)) {
          into.add(entry);
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

  /** CRC-32C and CRC-32 of the same bytes side by side: 64 bits, two different polynomials. */
  private static final class Digest {
    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();

    void bytes(byte[] bytes) {
      crc32c.update(bytes, 0, bytes.length);
      crc32.update(bytes, 0, bytes.length);
    }

    /** {@code parts} as one UTF-8 text, closed by a zero byte so that no two lines run together. */
    void line(String... parts) {
      StringBuilder text = new StringBuilder();
      for (String part : parts) {
        text.append(part);
      }
      bytes(text.append('\0').toString().getBytes(StandardCharsets.UTF_8));
    }

    String hex() {
      return hex8(crc32c.getValue()).concat(hex8(crc32.getValue()));
    }

    private static String hex8(long value) {
      String digits = Long.toHexString(value);
      return "00000000".substring(digits.length()).concat(digits);
    }
  }
}
