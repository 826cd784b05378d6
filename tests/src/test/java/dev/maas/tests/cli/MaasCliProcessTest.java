package dev.maas.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.commandline.MaasCommand;
import dev.maas.tests.tokens.ServiceProcess;
import dev.maas.tests.webui.GatewayStandIn;
import dev.maas.tests.webui.LimitadorStandIn;
import dev.maas.validate.PlatformSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code maas} command run through the {@code maas} launcher and the built jar: the platform
 * team's commands on the reference spec and a real bare Git repository, the users' commands against
 * the MaaS API run as its own process behind a stand-in for the gateway's route, every command's
 * {@code --help}, and progress drawn only in a pseudo-terminal ({@code script}).
 */
class MaasCliProcessTest {

  static final Path ROOT =
      Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  static final Path LAUNCHER = ROOT.resolve("maas-maven-plugin/cli/maas");
  static final String BOB = "k8s-token-of-bob";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  static Path work;
  static Path config;
  static Process service;
  @AutoClose static GatewayStandIn gateway;
  @AutoClose static LimitadorStandIn limitador;

  /** A finished run. */
  record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    work = Files.createDirectories(dir.resolve("work"));
    Files.createDirectories(work.resolve("platform-specs"));
    Files.copy(ROOT.resolve("platform-specs/acme.yaml"), work.resolve("platform-specs/acme.yaml"));
    config = dir.resolve("home/.config/maas/config.json");
    Path serviceDir = Files.createDirectories(dir.resolve("service"));
    limitador = new LimitadorStandIn(ROOT.resolve("platform-specs/acme.yaml"));
    ServiceProcess started =
        ServiceProcess.launchFromSpec(
            ROOT.resolve("platform-specs/acme.yaml"),
            serviceDir,
            Map.of("MAAS_LIMITADOR_URL", limitador.url()));
    service = started.process();
    gateway =
        new GatewayStandIn(
            started.base(),
            Map.of(
                BOB,
                new GatewayStandIn.Person(
                    "bob", List.of("premium-users", "system:authenticated"))));
  }

  @AfterAll
  static void stop() throws Exception {
    ServiceProcess.stop(service);
  }

  /**
   * {@code maas args...} through the launcher, in {@code work}, with {@code stdin}, its output
   * piped.
   */
  static Run maas(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return exec(command, stdin);
  }

  /**
   * {@code maas verb} on the reference specs, writing under {@code output}, with the folder
   * clusters/acme of branch main of {@code url} as the GitOps target, then {@code more}.
   */
  static Run maasOnGit(String verb, String output, String url, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                verb,
                "--spec",
                "platform-specs",
                "--output",
                output,
                "--git-url",
                url,
                "--git-branch",
                "main",
                "--git-path",
                "clusters/acme",
                "--git-work-directory",
                dir.resolve("clones").toString()));
    args.addAll(List.of(more));
    return maas(null, args.toArray(String[]::new));
  }

  static Run exec(List<String> command, String stdin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
    pb.environment().remove("MAAS_CONFIG");
    pb.environment()
        .put("JAVA_HOME", Path.of(ServiceProcess.java()).getParent().getParent().toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "maas did not finish: " + command);
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Run inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = MaasCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    List<List<String>> commands =
        List.of(
            List.of(),
            List.of("validate"),
            List.of("generate"),
            List.of("plan"),
            List.of("explain"),
            List.of("publish"),
            List.of("schema"),
            List.of("init"),
            List.of("login"),
            List.of("models"),
            List.of("token"),
            List.of("token", "create"),
            List.of("token", "list"),
            List.of("token", "revoke"),
            List.of("key"),
            List.of("key", "create"),
            List.of("key", "list"),
            List.of("key", "revoke"),
            List.of("usage"),
            List.of("generate-completion"));
    for (List<String> c : commands) {
      List<String> args = new ArrayList<>(c);
      args.add("--help");
      Run run = inProcess(args.toArray(String[]::new));
      assertEquals(0, run.status(), run::toString);
      assertTrue(
          run.out().startsWith("Usage: maas" + (c.isEmpty() ? "" : " " + String.join(" ", c))),
          run::toString);
      assertTrue(run.out().contains("-h, --help"), run::toString);
    }
    Run launched = maas(null, "--help");
    assertEquals(0, launched.status(), launched::toString);
    for (String c :
        List.of(
            "validate",
            "generate",
            "plan",
            "explain",
            "publish",
            "schema",
            "init",
            "login",
            "models",
            "token",
            "key",
            "usage",
            "generate-completion")) {
      assertTrue(
          launched.out().contains("\n  " + c + " "), () -> c + " is not listed:\n" + launched);
    }
    assertTrue(launched.out().contains("Exit status:"), launched::toString);
    Run wrong = maas(null, "validate", "--no-such-option");
    assertEquals(2, wrong.status(), wrong::toString);
    assertTrue(wrong.err().contains("Unknown option: '--no-such-option'"), wrong::toString);
    Run completion = maas(null, "generate-completion");
    assertEquals(0, completion.status(), completion::toString);
    assertTrue(
        completion.out().contains("complete -F _complete_maas")
            && completion.out().contains("token"),
        completion::toString);
  }

  @Test
  void platformCommandsCompileAndPublishToABareRepository() throws Exception {
    Run init = maas(null, "init", "--name", "demo", "--dir", "starter");
    assertEquals(0, init.status(), init::toString);
    String starter = Files.readString(work.resolve("starter/demo.yaml"));
    assertTrue(
        starter.startsWith("# yaml-language-server: $schema=../schema/platform-spec.schema.json\n"),
        starter);
    assertEquals(
        PlatformSchema.get().text(),
        Files.readString(work.resolve("schema/platform-spec.schema.json")));
    Run again = maas(null, "init", "--name", "demo", "--dir", "starter");
    assertEquals(1, again.status(), again::toString);
    Run valid = maas(null, "validate", "--spec", "starter");
    assertEquals(0, valid.status(), valid::toString);
    assertEquals("maas: valid (0 errors, 0 warnings)\n", valid.out());

    Files.writeString(
        work.resolve("starter/broken.yaml"),
        starter.replace("name: demo", "name: Demo_Bad").replace("level: 0", "level: zero"));
    Run invalid = maas(null, "validate", "--spec", "starter/broken.yaml");
    assertEquals(1, invalid.status(), invalid::toString);
    assertTrue(
        invalid.err().contains("starter/broken.yaml:") && invalid.err().contains("error"),
        invalid::toString);
    assertFalse(invalid.err().contains("Exception"), invalid::toString);
    Files.delete(work.resolve("starter/broken.yaml"));

    Run schema = maas(null, "schema", "--output", "out/schema.json");
    assertEquals(0, schema.status(), schema::toString);
    assertEquals(PlatformSchema.get().text(), Files.readString(work.resolve("out/schema.json")));

    Run generate = maas(null, "generate", "--spec", "platform-specs", "--output", "generated");
    assertEquals(0, generate.status(), generate::toString);
    assertTrue(generate.out().contains("maas: wrote generated/acme ("), generate::toString);
    assertTrue(
        Files.isRegularFile(
            work.resolve("generated/acme/base/authpolicy-acme-token-service-auth.yaml")));
    Run unchanged = maas(null, "generate", "--spec", "platform-specs", "--output", "generated");
    assertEquals(
        "maas: up to date; nothing rendered or written\n", unchanged.out(), unchanged::toString);

    Run explain =
        maas(
            null, "explain", "--spec", "platform-specs", "--tier", "free", "--model", "granite-8b");
    assertEquals(0, explain.status(), explain::toString);
    assertTrue(
        explain.out().startsWith("tier free → model granite-8b")
            && explain.out().contains("ALLOWED"),
        explain::toString);

    Path bare = dir.resolve("gitops.git");
    Run initBare =
        exec(List.of("git", "init", "--bare", "--initial-branch=main", bare.toString()), null);
    assertEquals(0, initBare.status(), initBare::toString);
    String url = bare.toUri().toString();
    Run publish =
        maasOnGit("publish", "published", url, "--git-author", "Platform Bot <bot@example.com>");
    assertEquals(0, publish.status(), publish::toString);
    Run log =
        exec(
            List.of("git", "--git-dir", bare.toString(), "log", "--format=%an <%ae>", "main"),
            null);
    assertEquals("Platform Bot <bot@example.com>\n", log.out(), log::toString);
    Run tree =
        exec(
            List.of("git", "--git-dir", bare.toString(), "ls-tree", "-r", "--name-only", "main"),
            null);
    assertTrue(
        tree.out().contains("clusters/acme/base/authpolicy-acme-token-service-auth.yaml"),
        tree::toString);

    Run plan = maasOnGit("plan", "planned", url, "--plan-output", "planned/plan.md");
    assertEquals(0, plan.status(), plan::toString);
    assertTrue(
        Files.isRegularFile(work.resolve("planned/plan.md"))
            && Files.isRegularFile(work.resolve("planned/plan.json")),
        plan::toString);
    assertTrue(plan.out().contains("maas: wrote the plan to "), plan::toString);
  }

  @Test
  void userCommandsCallTheMaasApi() throws Exception {
    Run refused = maas("not-a-token\n", "login", gateway.base());
    assertEquals(1, refused.status(), refused::toString);
    assertTrue(refused.err().contains("refused the credential"), refused::toString);
    assertFalse(Files.exists(config), "a refused sign-in saves nothing");

    Run login = maas(BOB + "\n", "login", gateway.base());
    assertEquals(0, login.status(), login::toString);
    assertTrue(
        login.out().startsWith("maas: signed in to " + gateway.base() + " as bob (tier premium)"),
        login::toString);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    assertFalse(
        login.out().contains(BOB) || login.err().contains(BOB), "the credential is never printed");

    Run models = maas(null, "models");
    assertEquals(0, models.status(), models::toString);
    List<String> lines = models.out().lines().toList();
    assertTrue(lines.get(0).matches("MODEL +NAME +URL"), models::toString);
    assertTrue(
        lines
            .get(1)
            .matches(
                "granite-8b +Granite 3\\.1 8B Instruct +"
                    + gateway.base().replace(".", "\\.")
                    + "/llm/granite-8b/v1"),
        models::toString);
    assertEquals(3, lines.size(), models::toString);
    JsonNode modelsJson = JSON.readTree(maas(null, "models", "--output", "json").out());
    assertEquals("list", modelsJson.path("object").asText());
    assertEquals(
        gateway.base() + "/llm/llama-70b/v1", modelsJson.path("data").get(1).path("url").asText());

    Run create = maas(null, "token", "create", "--label", "laptop", "--ttl", "1h");
    assertEquals(0, create.status(), create::toString);
    assertEquals(3, create.out().trim().split("\\.").length, create::toString);
    assertTrue(
        create.err().contains("(tier premium)") && create.err().contains("not shown again"),
        create::toString);
    JsonNode listed = JSON.readTree(maas(null, "token", "list", "-o", "json").out()).path("tokens");
    assertEquals(1, listed.size(), listed::toString);
    String jti = listed.get(0).path("jti").asText();
    Run table = maas(null, "token", "list");
    assertTrue(
        table
            .out()
            .lines()
            .anyMatch(l -> l.startsWith(jti) && l.contains("laptop") && l.contains("premium")),
        table::toString);
    Run revoke = maas(null, "token", "revoke", jti);
    assertEquals(0, revoke.status(), revoke::toString);
    assertEquals("maas: revoked token " + jti + "\n", revoke.out());
    assertEquals(
        0, JSON.readTree(maas(null, "token", "list", "-o", "json").out()).path("tokens").size());
    Run neither = maas(null, "token", "revoke");
    assertEquals(2, neither.status(), neither::toString);

    // API keys: the key is printed once; the list shows its id and name, never the key.
    Run created = maas(null, "key", "create", "--name", "ci");
    assertEquals(0, created.status(), created::toString);
    String key = created.out().strip();
    assertTrue(key.startsWith("maas_"), created::toString);
    JsonNode keys = JSON.readTree(maas(null, "key", "list", "-o", "json").out()).path("apiKeys");
    assertEquals(1, keys.size(), keys::toString);
    assertEquals("ci", keys.get(0).path("name").asText());
    String id = keys.get(0).path("id").asText();
    Run keyTable = maas(null, "key", "list");
    assertTrue(keyTable.out().contains(id) && !keyTable.out().contains(key), keyTable::toString);
    Run revokedKey = maas(null, "key", "revoke", id);
    assertEquals(0, revokedKey.status(), revokedKey::toString);
    assertFalse(maas(null, "key", "list").out().contains(id), "a revoked key is not listed");

    // Usage: three of bob's model calls as the gateway reports them to Limitador (a
    // recorded-format one, see LimitadorStandIn), then what maas prints.
    for (int i = 0; i < 3; i++) {
      limitador.hit("maas-system/acme-models", "premium-requests", "bob", 1);
    }
    Run usage = maas(null, "usage");
    assertEquals(0, usage.status(), usage::toString);
    List<String> usageLines = usage.out().lines().toList();
    assertTrue(
        usageLines.get(0).matches("LIMIT +KIND +MODEL +WINDOW +REMAINING +OF +RESETS IN"),
        usage::toString);
    assertTrue(
        usageLines.stream()
            .anyMatch(l -> l.matches("premium-requests +requests +\\(all\\) +2m +17 +20 +\\d+s")),
        usage::toString);
    assertTrue(
        usageLines.stream()
            .anyMatch(l -> l.matches("per-caller +requests +\\(all\\) +1m +30 +30 +-")),
        usage::toString);
    JsonNode usageJson = JSON.readTree(maas(null, "usage", "--output", "json").out());
    assertEquals("bob", usageJson.path("username").asText());
    JsonNode requests = usageJson.path("limits").get(0);
    assertEquals("premium-requests", requests.path("name").asText());
    assertEquals(17, requests.path("remaining").asInt(), usageJson::toString);
    assertEquals(120, requests.path("windowSeconds").asInt());
  }

  @Test
  void progressShowsInATerminalOnly() throws Exception {
    String command = LAUNCHER + " generate --spec platform-specs --output progress --force";
    Run terminal = exec(List.of("script", "-qec", command, "/dev/null"), null);
    assertEquals(0, terminal.status(), terminal::toString);
    assertTrue(terminal.out().contains("maas: generating platform-specs"), terminal::toString);
    assertTrue(terminal.out().contains("\r"), terminal::toString);
    Run piped =
        maas(null, "generate", "--spec", "platform-specs", "--output", "progress", "--force");
    assertEquals(0, piped.status(), piped::toString);
    assertFalse(
        piped.out().contains("generating")
            || piped.out().contains("\r")
            || piped.err().contains("generating"),
        piped::toString);
    assertTrue(piped.out().startsWith("maas: generated (0 errors"), piped::toString);
  }
}
