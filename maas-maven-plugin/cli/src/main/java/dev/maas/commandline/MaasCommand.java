package dev.maas.commandline;

import dev.maas.commandline.platform.PlatformCommands;
import dev.maas.commandline.user.UserCommands;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: {@code maas <command>}; {@code maas generate-completion} prints a bash/zsh
 * completion script.
 */
@Command(
    name = "maas",
    mixinStandardHelpOptions = true,
    versionProvider = MaasCommand.Version.class,
    description =
        "The Models-as-a-Service compiler for platform teams and the self-service client for its users.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit status:",
      "  0  success",
      "  1  the input is wrong, or the server refused the request",
      "  2  the command line is wrong",
      "  3  internal error (a bug in maas)",
      "  4  a file could not be read or written, or the gateway could not be reached"
    })
public final class MaasCommand {

  /** Every command, by name, in the order the help lists them. */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    for (Class<?> command :
        List.of(
            PlatformCommands.Validate.class,
            PlatformCommands.Generate.class,
            PlatformCommands.Plan.class,
            PlatformCommands.Explain.class,
            PlatformCommands.Publish.class,
            PlatformCommands.Schema.class,
            PlatformCommands.Init.class,
            UserCommands.Login.class,
            UserCommands.Models.class,
            UserCommands.Token.class,
            UserCommands.Key.class,
            UserCommands.Usage.class,
            AutoComplete.GenerateCompletion.class)) {
      commands.put(command.getAnnotation(Command.class).name(), command);
    }
    return Collections.unmodifiableMap(commands);
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // A run that names its command builds that command only: the others' option models (a dozen
    // classes read by reflection) are a good part of a short run's start.
    // The completion script is made from the tree it is run in, so it needs every command.
    Class<?> named = args.length == 0 ? null : COMMANDS.get(args[0]);
    CommandLine line =
        named == null || named == AutoComplete.GenerateCompletion.class
            ? commandLine()
            : withCommands(Map.of(args[0], named));
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  /** The command tree with maas's exit codes and error reporting. */
  public static CommandLine commandLine() {
    CommandLine line = withCommands(COMMANDS);
    line.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return line;
  }

  private static CommandLine withCommands(Map<String, Class<?>> commands) {
    CommandLine line = new CommandLine(new MaasCommand());
    commands.values().forEach(line::addSubcommand);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr()
              .println(
                  "maas: internal error: "
                      + e
                      + " (this is a bug in maas, not in your input; please report it)");
          return ExitCodes.INTERNAL;
        });
    return line;
  }

  /** The version from the jar's manifest, or {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = MaasCommand.class.getPackage().getImplementationVersion();
      return new String[] {"maas " + (v == null ? "dev" : v)};
    }
  }
}
