import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Installs the editor tooling the IDE tests drive ({@code npm ci}: the exact versions of package-lock.json)
 * when {@code node_modules} is absent or was installed from another package.json or package-lock.json.
 *
 * <p>The tests module runs it in {@code generate-test-resources}, as {@code java tests/ide/NpmInstall.java
 * tests/ide}, so that the README's test command runs the IDE tests on any machine with Node.js and npm. Without
 * npm on the PATH it says so and installs nothing; the IDE tests then report themselves skipped with that
 * reason. A failing {@code npm ci} fails the build.
 */
public final class NpmInstall {

  /** Written into node_modules after an install: the digest of the files it was installed from. */
  static final String STAMP = ".maas-installed";

  private NpmInstall() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path modules = dir.resolve("node_modules");
    Path stamp = modules.resolve(STAMP);
    String digest = digest(dir.resolve("package.json"), dir.resolve("package-lock.json"));
    if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(digest)) {
      System.out.println("[ide] " + modules + " is up to date with package-lock.json");
      return;
    }
    String npm = onPath(isWindows() ? List.of("npm.cmd", "npm.exe") : List.of("npm"));
    if (npm == null) {
      System.out.println("[ide] npm is not on the PATH: the editor tooling is not installed, and the IDE tests"
          + " (LanguageServerTest, AjvAgreementTest) will be skipped; install Node.js 18 or newer to run them");
      return;
    }
    System.out.println("[ide] " + (Files.isDirectory(modules) ? "reinstalling " : "installing ") + modules
        + " from package-lock.json (npm ci)");
    Process process = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(dir.toFile()).inheritIO().start();
    int exit = process.waitFor();
    if (exit != 0) {
      System.err.println("[ide] npm ci in " + dir + " exited " + exit);
      System.exit(exit);
    }
    Files.writeString(stamp, digest + "\n", StandardCharsets.UTF_8);
  }

  private static String digest(Path... files) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String onPath(List<String> names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : names) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }
}
