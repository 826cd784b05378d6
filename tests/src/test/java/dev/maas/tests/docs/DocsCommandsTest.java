package dev.maas.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.maas.e2e.guide.ChainedRepository;
import dev.maas.e2e.guide.FreshCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of the documentation, as a reader would, in a fresh copy of the repository.
 *
 * <p>The {@code sh} blocks of docs/getting-started.md, then README.md, then the other pages under
 * docs/ (alphabetically), run in that order, each in its own {@code bash -e} from the copy's root.
 * A block must exit 0; one whose info string says {@code sh fail} must exit non-zero. An {@code
 * output} block right after a command block lists lines the command must print (each a substring of
 * one printed line). More words after {@code sh}: {@code needs=TOOL} (skipped, saying so, when TOOL
 * is not on the PATH), {@code needs=cluster} (always skipped, saying there is no Kubernetes API
 * server: the test never talks to the cluster a kubeconfig names), {@code goal=GOAL} (skipped,
 * saying so, while the plugin built from this tree has no such goal), {@code slow} (skipped unless
 * {@code -Dmaas.docs.slow=true}: minutes-long runs such as the cluster tests). Blocks only a person
 * can follow (an editor's settings, an example of output) use {@code text}, {@code yaml} or {@code
 * json}.
 *
 * <p>The copy is the working tree without {@code target/}, {@code node_modules/} and {@code .git/},
 * under a temporary folder that also holds a link {@code shared} to the real shared folder, so
 * {@code ../shared/crds} resolves as in a checkout. Local Maven repository: a fresh one in the
 * temporary folder ({@code -Dmaven.repo.local}), with the build's own repository chained read-only
 * behind it ({@code -Dmaven.repo.local.tail}, Maven 3.9): nothing is downloaded again, and nothing
 * this test installs reaches the repository other builds share. Both go to Maven through {@code
 * MAVEN_ARGS}, which {@code mvnw} passes on.
 *
 * <p>The commands are the docs' text, with one exception: the docs build and install the plugin
 * with {@value #INSTALL}, a nested build of the whole project. The build running this test has just
 * packaged that plugin from the same tree, so the test installs that jar instead (into the fresh
 * repository, with the parent POM from the copy) and unpacks it into the copy's {@code
 * maas-maven-plugin/target/classes}, which is what the later commands use. It runs the docs'
 * command as written when the plugin on its classpath is not a jar packaged in this tree (a build
 * that stopped before {@code package}, or one of the tests module alone, whose plugin comes from a
 * local repository), or with {@code -Dmaas.docs.nestedInstall=true}.
 */
class DocsCommandsTest {

  /**
   * The lines of the README that run the build this test belongs to; running one here would
   * recurse.
   */
  static final Set<String> SELF =
      Set.of(
          "./mvnw -B verify",
          "./mvnw -B verify -Pfull",
          "tests/install-tools.sh && ./mvnw -B verify -Pfull");

  /** The docs' command that builds the plugin and installs it into the local repository. */
  static final String INSTALL = "./mvnw -q install -DskipTests";

  private static final Set<String> COMMAND_LANGUAGES =
      Set.of("bash", "shell", "console", "zsh", "shell-session");

  /** The attribute of a block that talks to a Kubernetes API server. */
  static final String NEEDS_CLUSTER = "needs=cluster";

  /**
   * A command that reads or changes a cluster: {@code kubectl} with any verb but {@code kustomize},
   * {@code helm} and {@code argocd}, at the start of a command (a line, after a pipe, {@code ;},
   * {@code &&} or {@code $(}).
   */
  private static final Pattern CLUSTER_COMMAND =
      Pattern.compile(
          "(?:^|[|;&(]|\\$\\()\\s*(kubectl\\s+(?!kustomize\\b)\\S+|helm\\s+\\S+|argocd\\s+\\S+)");

  private static final long BLOCK_TIMEOUT_SECONDS = 300;

  /**
   * A {@code slow} block (a cluster install) has its own deadline and does not count towards the
   * total.
   */
  private static final long SLOW_BLOCK_TIMEOUT_SECONDS = 2400;

  private static final AtomicLong slowNanos = new AtomicLong();

  @TempDir static Path work;

  private static volatile String firstFailure;

  /** One runnable step: a block (or what remains of it) and the output it must print. */
  record Command(
      MarkdownBlocks.Block block,
      String script,
      MarkdownBlocks.Block expectedOutput,
      String skipReason) {

    String displayName() {
      String first =
          script
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .findFirst()
              .orElse("")
              .trim();
      return block.where() + " " + (first.length() > 90 ? first.substring(0, 87) + "..." : first);
    }

    /** Whether a line of the script is the docs' install, alone or first in an {@code &&} chain. */
    boolean installs() {
      return script
          .lines()
          .map(String::trim)
          .anyMatch(l -> l.equals(INSTALL) || l.startsWith(INSTALL + " && "));
    }

    /**
     * The script without the docs' install, which the test has done with the jar the build
     * packaged.
     */
    String withoutInstall() {
      return script
          .lines()
          .map(
              l ->
                  l.trim().equals(INSTALL)
                      ? ":"
                      : l.startsWith(INSTALL + " && ")
                          ? l.substring((INSTALL + " && ").length())
                          : l)
          .collect(Collectors.joining("\n", "", "\n"));
    }
  }

  static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** The pages whose commands run, in reading order. */
  static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>();
    // The walk-through first: it starts from a fresh clone, and its messages count files written
    // for the first time.
    pages.add(root.resolve("docs/getting-started.md"));
    pages.add(root.resolve("README.md"));
    try (Stream<Path> all = Files.walk(root.resolve("docs"))) {
      all.filter(p -> p.toString().endsWith(".md"))
          .sorted()
          .filter(p -> !pages.contains(p))
          .forEach(pages::add);
    }
    return pages;
  }

  /** Every command of the docs, in the order they run. */
  static List<Command> commands(Path root) throws IOException {
    List<Command> commands = new ArrayList<>();
    for (Path page : pages(root)) {
      List<MarkdownBlocks.Block> blocks =
          MarkdownBlocks.read(page, root.relativize(page).toString());
      for (int i = 0; i < blocks.size(); i++) {
        MarkdownBlocks.Block block = blocks.get(i);
        if (!block.language().equals("sh")) {
          continue;
        }
        MarkdownBlocks.Block output =
            i + 1 < blocks.size() && blocks.get(i + 1).language().equals("output")
                ? blocks.get(i + 1)
                : null;
        List<String> lines = block.text().lines().collect(Collectors.toList());
        List<String> self = lines.stream().map(String::trim).filter(SELF::contains).toList();
        if (!self.isEmpty()) {
          String rest =
              lines.stream()
                  .filter(l -> !SELF.contains(l.trim()))
                  .collect(Collectors.joining("\n", "", "\n"));
          commands.add(new Command(block, rest, output, null));
          for (String line : self) {
            commands.add(
                new Command(
                    block,
                    line + "\n",
                    null,
                    "`"
                        + line
                        + "` is the build that runs this test; running it here would recurse"));
          }
        } else {
          commands.add(new Command(block, block.text(), output, null));
        }
      }
    }
    return commands;
  }

  /**
   * Removes the link to the shared folder first, so that cleaning the temporary folder never
   * follows it.
   */
  @AfterAll
  static void unlinkShared() throws IOException {
    Files.deleteIfExists(work.resolve("shared"));
  }

  @Test
  void everyCommandBlockIsMarkedSoThatItRuns() throws IOException {
    Path root = repoRoot();
    int shBlocks = 0;
    for (Path page : pages(root)) {
      assertTrue(Files.isRegularFile(page), page + " exists");
      List<MarkdownBlocks.Block> blocks =
          MarkdownBlocks.read(page, root.relativize(page).toString());
      for (int i = 0; i < blocks.size(); i++) {
        MarkdownBlocks.Block block = blocks.get(i);
        assertTrue(
            !COMMAND_LANGUAGES.contains(block.language()),
            block.where()
                + ": a `"
                + block.language()
                + "` block is not run by the docs test; mark commands `sh`, and what only a person does `text`");
        if (block.language().equals("sh")) {
          shBlocks++;
          for (String attribute : block.attributes()) {
            assertTrue(
                attribute.equals("fail")
                    || attribute.equals("slow")
                    || attribute.startsWith("needs=")
                    || attribute.startsWith("goal="),
                block.where() + ": unknown attribute `" + attribute + "` of a sh block");
          }
          if (block.attributes().contains("fail")) {
            assertTrue(
                i + 1 < blocks.size() && blocks.get(i + 1).language().equals("output"),
                block.where()
                    + ": a `sh fail` block is followed by an `output` block naming the error it must print");
          }
        }
        if (block.language().equals("output")) {
          assertTrue(
              i > 0 && blocks.get(i - 1).language().equals("sh"),
              block.where() + ": an `output` block follows the `sh` block whose output it shows");
        }
      }
    }
    assertTrue(shBlocks >= 20, "the docs hold at least 20 command blocks, found " + shBlocks);
  }

  @TestFactory
  Stream<DynamicTest> everyCommandOfTheDocsRunsInAFreshCopy() throws IOException {
    Path root = repoRoot();
    Path shared = root.resolve("../shared").normalize();
    assertTrue(
        Files.isDirectory(shared.resolve("crds")),
        "the shared folder beside the repository: " + shared);
    Path copy = work.resolve("repo");
    FreshCopy.of(root, copy);
    Files.createSymbolicLink(work.resolve("shared"), shared.toRealPath());
    Path m2 = work.resolve("m2");
    Files.createDirectories(m2);
    List<Command> commands = commands(copy);
    long started = System.nanoTime();
    List<DynamicTest> tests = new ArrayList<>();
    List<String> handedOver = new ArrayList<>();
    for (Command command : commands) {
      if (command.block().attributes().contains(NEEDS_CLUSTER)) {
        // Not this test's: InstallGuideE2eTest runs these steps on k3s (-Pe2e, where Docker is),
        // and InstallGuideCoverageTest proves it covers every one of them.
        handedOver.add(command.block().where());
        continue;
      }
      if (command.skipReason() != null) {
        // The build that runs this test: not a test of its own, only a line in the log.
        System.out.printf("[docs] %s: %s%n", command.block().where(), command.skipReason());
        continue;
      }
      tests.add(dynamicTest(command.displayName(), () -> run(command, copy, m2)));
    }
    System.out.printf(
        "[docs] %d cluster steps are InstallGuideE2eTest's (-Pe2e): %s%n",
        handedOver.size(), handedOver);
    tests.add(
        dynamicTest(
            "total run time",
            () -> {
              // A figure for the build log, not a gate: a busy machine stretches it, and a timed
              // test would fail there.
              long seconds =
                  TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started - slowNanos.get());
              System.out.printf("[docs] %d command blocks in %d s%n", commands.size(), seconds);
            }));
    return tests.stream();
  }

  /**
   * Why a block is not run here, or null when it runs. A {@code needs=cluster} block is never run:
   * the test has no API server of its own and must not touch the one a kubeconfig of the machine
   * names.
   */
  static String skipReason(MarkdownBlocks.Block block, Path copy) throws IOException {
    if (block.attributes().contains(NEEDS_CLUSTER)) {
      return block.where()
          + " needs a cluster: no Kubernetes API server (the docs test never uses the one a"
          + " kubeconfig names; the -Pe2e tests run such steps on k3s, see docs/e2e.md)";
    }
    // A missing tool is the reason given first: a slow block that needs Docker says so here.
    for (String attribute : block.attributes()) {
      if (attribute.startsWith("needs=") && !onPath(attribute.substring("needs=".length()))) {
        return block.where()
            + " needs `"
            + attribute.substring("needs=".length())
            + "`, which is not on the PATH";
      }
    }
    for (String attribute : block.attributes()) {
      if (attribute.equals("slow") && !Boolean.getBoolean("maas.docs.slow")) {
        return block.where()
            + (block.attributes().contains("needs=docker") ? " needs Docker and" : "")
            + " takes minutes (a cluster); run it with -Dmaas.docs.slow=true";
      } else if (attribute.startsWith("goal=")
          && !pluginHasGoal(copy, attribute.substring("goal=".length()))) {
        return block.where()
            + ": the plugin built from this tree has no `"
            + attribute.substring("goal=".length())
            + "` goal yet";
      }
    }
    return null;
  }

  /** The commands of a block that read or change a cluster, continuation lines joined. */
  static List<String> clusterCommands(String script) {
    List<String> found = new ArrayList<>();
    for (String line : script.replace("\\\n", " ").lines().collect(Collectors.toList())) {
      if (line.strip().startsWith("#") || line.contains("--dry-run=client")) {
        continue;
      }
      Matcher m = CLUSTER_COMMAND.matcher(line);
      if (m.find()) {
        found.add(line.strip());
      }
    }
    return found;
  }

  @Test
  void aBlockThatNeedsAClusterIsSkippedSayingThereIsNoApiServer() throws IOException {
    MarkdownBlocks.Block cluster =
        new MarkdownBlocks.Block(
            "docs/page.md",
            7,
            "sh needs=kubectl needs=cluster",
            "kubectl apply --server-side -f target/waves/0.yaml\n",
            "");
    String reason = skipReason(cluster, work);
    assertTrue(
        reason != null
            && reason.startsWith("docs/page.md:7 needs a cluster: no Kubernetes API server"),
        String.valueOf(reason));
    MarkdownBlocks.Block plain = new MarkdownBlocks.Block("docs/page.md", 9, "sh", "true\n", "");
    assertEquals(null, skipReason(plain, work));
  }

  @Test
  void commandsThatTalkToAClusterAreFoundAndClientSideOnesAreNot() {
    assertEquals(
        List.of(
            "kubectl apply --server-side -f x.yaml",
            "T=$(kubectl create token alice)",
            "helm install keda keda",
            "kubectl create secret generic k    --from-file=k.pem"),
        clusterCommands(
            "kubectl apply --server-side -f x.yaml\nT=$(kubectl create token alice)\n"
                + "helm install keda keda\nkubectl create secret generic k \\\n  --from-file=k.pem\n"
                + "kubectl kustomize overlays/dev | grep -c kind\n"
                + "kubectl create secret generic k --from-file=k.pem \\\n  --dry-run=client -o yaml\n"
                + "# kubectl delete namespace x\n"));
  }

  @Test
  void everyCommandThatTalksToAClusterIsMarkedSo() throws IOException {
    Path root = repoRoot();
    int marked = 0;
    for (Path page : pages(root)) {
      for (MarkdownBlocks.Block block :
          MarkdownBlocks.read(page, root.relativize(page).toString())) {
        if (!block.language().equals("sh")) {
          continue;
        }
        if (block.attributes().contains(NEEDS_CLUSTER)) {
          marked++;
        } else {
          assertEquals(
              List.of(),
              clusterCommands(block.text()),
              block.where()
                  + " talks to a cluster; mark it `sh "
                  + NEEDS_CLUSTER
                  + "` so that the docs test skips it instead of using whatever cluster is configured");
        }
      }
    }
    assertTrue(marked > 0, "the install page's cluster steps are marked " + NEEDS_CLUSTER);
  }

  private static void run(Command command, Path copy, Path m2)
      throws IOException, InterruptedException {
    assumeTrue(firstFailure == null, "not run: an earlier block failed (" + firstFailure + ")");
    MarkdownBlocks.Block block = command.block();
    String skip = skipReason(block, copy);
    assumeTrue(skip == null, skip);
    boolean expectFailure = block.attributes().contains("fail");
    long started = System.nanoTime();
    String script = command.script();
    Path jar = builtPlugin();
    if (command.installs() && jar != null) {
      installBuiltPlugin(jar, copy, m2);
      script = command.withoutInstall();
      System.out.printf(
          "[docs] %s: `%s` done with the plugin the build packaged, %s%n",
          block.where(), INSTALL, jar);
    }
    Path out = work.resolve("block.out");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-e", "-c", script)
            .directory(copy.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    Map<String, String> env = builder.environment();
    // The outer build's own Maven settings must not leak into the reader's commands.
    env.remove("MAVEN_PROJECTBASEDIR");
    env.remove("MAVEN_BASEDIR");
    env.remove("MAVEN_CONFIG");
    env.put("MAVEN_ARGS", ChainedRepository.mavenArgs(m2));
    Process process = builder.start();
    boolean slow = block.attributes().contains("slow");
    long timeout = slow ? SLOW_BLOCK_TIMEOUT_SECONDS : BLOCK_TIMEOUT_SECONDS;
    boolean finished = process.waitFor(timeout, TimeUnit.SECONDS);
    if (slow) {
      slowNanos.addAndGet(System.nanoTime() - started);
    }
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      firstFailure = block.where();
      fail(block.where() + " did not finish within " + timeout + " s:\n" + tail(out));
    }
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf("[docs] %s: exit %d in %d ms%n", block.where(), process.exitValue(), millis);
    try {
      if (expectFailure) {
        assertNotEquals(
            0,
            process.exitValue(),
            block.where() + " is marked `sh fail` but exited 0:\n" + printed);
      } else {
        assertEquals(
            0, process.exitValue(), block.where() + " failed:\n" + script + "\n---\n" + printed);
      }
      if (command.expectedOutput() != null) {
        List<String> printedLines = printed.lines().collect(Collectors.toList());
        for (String expected :
            command
                .expectedOutput()
                .text()
                .lines()
                .filter(l -> !l.isBlank())
                .collect(Collectors.toList())) {
          assertTrue(
              printedLines.stream().anyMatch(l -> l.contains(expected.strip())),
              command.expectedOutput().where()
                  + ": expected a line containing\n  "
                  + expected.strip()
                  + "\nin the output of "
                  + block.where()
                  + ":\n"
                  + printed);
        }
      }
    } catch (AssertionError e) {
      firstFailure = block.where();
      throw e;
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static boolean pluginHasGoal(Path copy, String goal) throws IOException {
    Path descriptor = copy.resolve("maas-maven-plugin/target/classes/META-INF/maven/plugin.xml");
    assertTrue(
        Files.isRegularFile(descriptor), "the docs build the plugin before using goal " + goal);
    return Files.readString(descriptor, StandardCharsets.UTF_8)
        .contains("<goal>" + goal + "</goal>");
  }

  /**
   * The plugin jar on this test's classpath when the build has just packaged it from this tree (in
   * the reactor: {@code maas-maven-plugin/target/}); {@code null} when the classpath holds a folder
   * of classes, or a jar from a local repository (a build of the tests module alone, which may be
   * older than the tree), or when {@code -Dmaas.docs.nestedInstall=true} asks for the docs' own
   * install.
   */
  static Path builtPlugin() {
    if (Boolean.getBoolean("maas.docs.nestedInstall")) {
      return null;
    }
    try {
      Path location =
          Path.of(
              dev.maas.api.MaasCompiler.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      boolean packagedHere =
          Files.isRegularFile(location)
              && location.toString().endsWith(".jar")
              && location
                  .toAbsolutePath()
                  .normalize()
                  .startsWith(repoRoot().resolve("maas-maven-plugin"));
      return packagedHere ? location : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /**
   * What {@value #INSTALL} leaves behind that later commands use, from the packaged jars: the
   * plugin, the module of the tree it depends on (the MaaS API's config) and their parent POMs in
   * the local repository {@code m2}, and the plugin's classes and jar in the copy's {@code
   * maas-maven-plugin/target/}. Without the config module a machine whose repository has never seen
   * an install of this tree could not resolve the plugin.
   */
  static void installBuiltPlugin(Path jar, Path copy, Path m2) throws IOException {
    String prefix = "META-INF/maven/dev.maas/maas-maven-plugin/";
    Path target = copy.resolve("maas-maven-plugin/target");
    Path classes = target.resolve("classes");
    java.util.Properties coordinates = new java.util.Properties();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      java.util.zip.ZipEntry properties = zip.getEntry(prefix + "pom.properties");
      assertTrue(properties != null, jar + " is the maas plugin, with its pom.properties");
      try (var in = zip.getInputStream(properties)) {
        coordinates.load(in);
      }
      for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
        Path to = classes.resolve(entry.getName()).normalize();
        assertTrue(to.startsWith(classes), entry.getName() + " stays inside the classes folder");
        if (entry.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          try (var in = zip.getInputStream(entry)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    String version = coordinates.getProperty("version");
    String artifact = "maas-maven-plugin-" + version;
    Files.copy(jar, target.resolve(artifact + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    Path pluginDir = m2.resolve("dev/maas/maas-maven-plugin").resolve(version);
    Path parentDir = m2.resolve("dev/maas/maas-parent").resolve(version);
    Files.createDirectories(pluginDir);
    Files.createDirectories(parentDir);
    Files.copy(jar, pluginDir.resolve(artifact + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        classes.resolve(prefix + "pom.xml"),
        pluginDir.resolve(artifact + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        copy.resolve("pom.xml"),
        parentDir.resolve("maas-parent-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    installModule(
        codeSource(dev.maas.tokenservice.config.ServiceConfig.class),
        "maas-token-service-config",
        version,
        m2);
    Path serviceParentDir = m2.resolve("dev/maas/maas-token-service-parent").resolve(version);
    Files.createDirectories(serviceParentDir);
    Files.copy(
        copy.resolve("templates/token-service/pom.xml"),
        serviceParentDir.resolve("maas-token-service-parent-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The jar or classes folder {@code type} was loaded from. */
  private static Path codeSource(Class<?> type) throws IOException {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /**
   * Installs the packaged jar of the tree's module {@code artifactId}, with its POM, into {@code
   * m2}.
   */
  private static void installModule(Path jar, String artifactId, String version, Path m2)
      throws IOException {
    assertTrue(
        Files.isRegularFile(jar) && jar.toString().endsWith(".jar"),
        artifactId + " is packaged by the build: " + jar);
    Path dir = m2.resolve("dev/maas").resolve(artifactId).resolve(version);
    Files.createDirectories(dir);
    String artifact = artifactId + "-" + version;
    Files.copy(jar, dir.resolve(artifact + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      java.util.zip.ZipEntry pom =
          zip.getEntry("META-INF/maven/dev.maas/" + artifactId + "/pom.xml");
      assertTrue(pom != null, jar + " holds its pom.xml");
      try (var in = zip.getInputStream(pom)) {
        Files.copy(in, dir.resolve(artifact + ".pom"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String tail(Path out) {
    try {
      String text = Files.readString(out, StandardCharsets.UTF_8);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
