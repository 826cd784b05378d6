package dev.maas.commandline.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.commandline.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code login|models|token|key|usage}: the platform users' side, over the MaaS API behind the
 * gateway. Tables for people, {@code --output json} for scripts (the API's own JSON).
 */
public final class UserCommands {

  private UserCommands() {}

  /** The output format. */
  enum Format {
    table,
    json
  }

  /** A refusal or a missing endpoint, reported as one line with its exit status. */
  static final class Stop extends Exception {
    final int status;

    Stop(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * What every user command shares: the saved sign-in, the output format and the error handling.
   */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "table|json",
        defaultValue = "table",
        description = "table for people, json for scripts (default: ${DEFAULT-VALUE}).")
    Format format;

    PrintWriter out() {
      return command.commandLine().getOut();
    }

    @Override
    public final Integer call() {
      try {
        return run();
      } catch (Stop s) {
        command.commandLine().getErr().println("maas: " + s.getMessage());
        return s.status;
      } catch (IOException e) {
        command.commandLine().getErr().println("maas: error: cannot reach the gateway: " + e);
        return ExitCodes.IO;
      }
    }

    abstract int run() throws Stop, IOException;

    ApiClient client() throws Stop, IOException {
      Path file = UserConfig.location(System.getenv());
      UserConfig config = UserConfig.read(file);
      if (config == null || config.gateway() == null || config.credential() == null) {
        throw new Stop(
            ExitCodes.INPUT,
            "not signed in (no " + file + "): run `maas login <gateway-url>` first");
      }
      return new ApiClient(config.gateway(), config.credential());
    }

    /** The answer's body when its status is one of {@code ok}; a clear stop otherwise. */
    JsonNode expect(ApiClient.Answer answer, String what, int... ok) throws Stop {
      for (int status : ok) {
        if (answer.status() == status) {
          return answer.body();
        }
      }
      if (answer.status() == 404) {
        throw new Stop(
            ExitCodes.INPUT,
            what + " not available on this server (its MaaS API does not serve it yet)");
      }
      if (answer.status() == 401 || answer.status() == 403) {
        throw new Stop(
            ExitCodes.INPUT,
            "the gateway refused the credential (" + answer.error() + "): run `maas login` again");
      }
      throw new Stop(ExitCodes.INPUT, "the server refused: " + answer.error());
    }

    void json(JsonNode node) {
      out().println(node.toPrettyString());
      out().flush();
    }

    /**
     * Shows a secret the server returns only once: {@code issued} as JSON, or its {@code secret}
     * field alone on standard output and {@code what} it is on standard error.
     */
    void showOnce(JsonNode issued, String secret, String what) {
      if (format == Format.json) {
        json(issued);
        return;
      }
      out().println(issued.path(secret).asText());
      command
          .commandLine()
          .getErr()
          .println("maas: " + what + "; copy it now, it is not shown again");
    }
  }

  static String date(JsonNode seconds) {
    return seconds.isNumber() ? Instant.ofEpochSecond(seconds.asLong()).toString() : "";
  }

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description = {
        "Save the gateway URL and your credential (owner-only file, 0600).",
        "The credential is read from standard input: a Kubernetes token (kubectl create token / oc whoami -t),",
        "an OIDC token, or a platform token or key."
      })
  public static final class Login extends Base {
    @Parameters(
        paramLabel = "GATEWAY_URL",
        description = "The gateway's base URL, e.g. https://maas.example.com.")
    String gateway;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description =
            "The credential on the command line instead (visible to other processes: prefer stdin).")
    String token;

    @Override
    int run() throws Stop, IOException {
      if (!gateway.startsWith("https://") && !gateway.startsWith("http://")) {
        throw new Stop(ExitCodes.USAGE, "GATEWAY_URL `" + gateway + "` is not an http(s) URL");
      }
      String credential = token;
      if (credential == null) {
        credential =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
      if (credential == null || credential.isBlank()) {
        throw new Stop(
            ExitCodes.USAGE,
            "no credential on standard input (e.g. kubectl create token NAME | maas login "
                + gateway
                + ")");
      }
      ApiClient client = new ApiClient(gateway, credential.trim());
      JsonNode me = expect(client.call("GET", "v1/me", null), "/v1/me is", 200);
      Path file = UserConfig.location(System.getenv());
      new UserConfig(client.gateway(), credential.trim()).write(file);
      if (format == Format.json) {
        json(me);
      } else {
        out()
            .println(
                "maas: signed in to "
                    + client.gateway()
                    + " as "
                    + Table.printable(me.path("username").asText())
                    + (me.path("tier").isObject()
                        ? " (tier " + Table.printable(me.path("tier").path("name").asText()) + ")"
                        : "")
                    + "; saved to "
                    + file);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "models",
      mixinStandardHelpOptions = true,
      description =
          "The models your tier may call, with the URL to call each (OpenAI base URL for LLMs).")
  public static final class Models extends Base {
    @Override
    int run() throws Stop, IOException {
      ApiClient client = client();
      JsonNode me = expect(client.call("GET", "v1/me", null), "/v1/me is", 200);
      ObjectNode list = UserConfig.JSON.createObjectNode().put("object", "list");
      ArrayNode data = list.putArray("data");
      Table table = new Table("MODEL", "NAME", "URL");
      for (JsonNode m : me.path("models")) {
        String url = client.gateway() + m.path("url").asText();
        data.addObject()
            .put("id", m.path("id").asText())
            .put("displayName", m.path("displayName").asText())
            .put("url", url);
        table.row(m.path("id").asText(), m.path("displayName").asText(), url);
      }
      if (format == Format.json) {
        json(list);
      } else {
        table.print(out());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "Create, list and revoke platform tokens.",
      subcommands = {Token.Create.class, Token.List.class, Token.Revoke.class})
  public static final class Token {

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description =
            "Mint a token bound to your tier; it is printed once and never stored by the server.")
    public static final class Create extends Base {
      @Option(
          names = "--label",
          paramLabel = "LABEL",
          description = "A name to recognise it by in `token list`.")
      String label;

      @Option(
          names = "--ttl",
          paramLabel = "DURATION",
          description = "Its lifetime, e.g. 4h or 1h30m.")
      String ttl;

      @Override
      int run() throws Stop, IOException {
        ObjectNode body = UserConfig.JSON.createObjectNode();
        if (label != null) {
          body.put("label", label);
        }
        if (ttl != null) {
          body.put("ttl", ttl);
        }
        JsonNode issued =
            expect(client().call("POST", "v1/tokens", body), "/v1/tokens is", 201, 200);
        showOnce(
            issued,
            "token",
            "token "
                + issued.path("jti").asText()
                + " (tier "
                + Table.printable(issued.path("tier").asText())
                + ") expires "
                + date(issued.path("expiresAt")));
        return ExitCodes.OK;
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Your tokens (never the tokens themselves).")
    public static final class List extends Base {
      @Override
      int run() throws Stop, IOException {
        JsonNode listed = expect(client().call("GET", "v1/tokens", null), "/v1/tokens is", 200);
        if (format == Format.json) {
          json(listed);
          return ExitCodes.OK;
        }
        Table table = new Table("ID", "LABEL", "TIER", "EXPIRES");
        for (JsonNode t : listed.path("tokens")) {
          table.row(
              t.path("jti").asText(),
              t.path("label").asText(),
              t.path("tier").asText(),
              date(t.path("expiresAt")));
        }
        table.print(out());
        return ExitCodes.OK;
      }
    }

    @Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = "Revoke one token, or --all of yours.")
    public static final class Revoke extends Base {
      @Parameters(
          paramLabel = "ID",
          arity = "0..1",
          description = "The token's id (from `token list`).")
      String id;

      @Option(names = "--all", description = "Revoke every token of yours.")
      boolean all;

      @Override
      int run() throws Stop, IOException {
        if (all == (id != null)) {
          throw new Stop(ExitCodes.USAGE, "name one token ID or --all");
        }
        expect(
            client().call("DELETE", all ? "v1/tokens" : "v1/tokens/" + segment(id), null),
            "/v1/tokens is",
            204,
            200);
        out().println("maas: revoked " + (all ? "all your tokens" : "token " + id));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "key",
      mixinStandardHelpOptions = true,
      description = "Create, list and revoke long-lived API keys.",
      subcommands = {Key.Create.class, Key.List.class, Key.Revoke.class})
  public static final class Key {

    static final String ENDPOINT = "API keys are";

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description =
            "Create an API key bound to your tier; it is printed once, the server keeps only its hash.")
    public static final class Create extends Base {
      @Option(
          names = "--name",
          paramLabel = "NAME",
          required = true,
          description = "A name to recognise it by.")
      String name;

      @Option(
          names = "--ttl",
          paramLabel = "DURATION",
          description = "Its lifetime, capped by the platform's maxTTL.")
      String ttl;

      @Override
      int run() throws Stop, IOException {
        ObjectNode body = UserConfig.JSON.createObjectNode().put("name", name);
        if (ttl != null) {
          body.put("ttl", ttl);
        }
        JsonNode created = expect(client().call("POST", "v1/api-keys", body), ENDPOINT, 201, 200);
        showOnce(created, "key", "key " + created.path("id").asText());
        return ExitCodes.OK;
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Your API keys (never the keys themselves).")
    public static final class List extends Base {
      @Override
      int run() throws Stop, IOException {
        JsonNode listed = expect(client().call("GET", "v1/api-keys", null), ENDPOINT, 200);
        if (format == Format.json) {
          json(listed);
          return ExitCodes.OK;
        }
        Table table = new Table("ID", "NAME", "TIER", "EXPIRES");
        for (JsonNode k : listed.path("apiKeys")) {
          if (k.path("revoked").asBoolean(false)) {
            continue; // kept by the service until it expires, so that no replica revives it; of no
            // use here
          }
          table.row(
              k.path("id").asText(),
              k.path("name").asText(),
              k.path("tier").asText(),
              date(k.path("expiresAt")));
        }
        table.print(out());
        return ExitCodes.OK;
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke one API key.")
    public static final class Revoke extends Base {
      @Parameters(paramLabel = "ID", description = "The key's id (from `key list`).")
      String id;

      @Override
      int run() throws Stop, IOException {
        expect(client().call("DELETE", "v1/api-keys/" + segment(id), null), ENDPOINT, 204, 200);
        out().println("maas: revoked key " + id);
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "usage",
      mixinStandardHelpOptions = true,
      description =
          "Your remaining quota per limit and window, read from the gateway's counters"
              + " (Limitador).")
  public static final class Usage extends Base {
    @Override
    int run() throws Stop, IOException {
      ApiClient.Answer answer = client().call("GET", "v1/usage", null);
      if (answer.status() == 503) {
        throw new Stop(ExitCodes.IO, "quota cannot be read right now: " + answer.error());
      }
      JsonNode usage = expect(answer, "Quota (/v1/usage) is", 200);
      if (format == Format.json) {
        json(usage);
        return ExitCodes.OK;
      }
      Table table = new Table("LIMIT", "KIND", "MODEL", "WINDOW", "REMAINING", "OF", "RESETS IN");
      for (JsonNode l : usage.path("limits")) {
        JsonNode resets = l.path("resetsInSeconds");
        table.row(
            l.path("name").asText(),
            l.path("kind").asText(),
            l.path("model").isTextual() ? l.path("model").asText() : "(all)",
            l.path("window").asText(),
            l.path("remaining").asText(),
            l.path("limit").asText(),
            resets.isNumber() ? resets.asLong() + "s" : "-");
      }
      if (usage.path("limits").isEmpty()) {
        out().println("maas: no limit counts your calls");
        out().flush();
        return ExitCodes.OK;
      }
      table.print(out());
      return ExitCodes.OK;
    }
  }
}
