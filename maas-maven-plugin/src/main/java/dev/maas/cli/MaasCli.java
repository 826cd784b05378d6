package dev.maas.cli;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import dev.maas.api.ValidateRequest;
import dev.maas.api.ValidateResult;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line beside the Maven plugin: {@code validate} and {@code generate} with the same
 * diagnostics, for scripts and editors that do not run Maven. Exit 0: success; 1: the input is
 * wrong; 2: the command line is wrong; 3: an internal error; 4: a file could not be read or written
 * (a full disk, a missing permission), which leaves the previous output as it was.
 */
public final class MaasCli {

  private MaasCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The exit status when a file could not be read or written. */
  public static final int IO_ERROR = 4;

  /** Runs one command and returns its exit status; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, new MaasCompiler());
  }

  /** Runs one command with {@code compiler}; its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err, MaasCompiler compiler) {
    if (args.length == 0 || !(args[0].equals("validate") || args[0].equals("generate"))) {
      err.println(
          "usage: maas validate|generate [--spec FILE|DIR] [--output DIR] [--crds DIR] [--overlays DIR] [--force]");
      return 2;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--force")) {
        options.put("force", "true");
      } else if (a.startsWith("--") && i + 1 < args.length) {
        options.put(a.substring(2), args[++i]);
      } else {
        err.println("maas: unknown argument `" + a + "`");
        return 2;
      }
    }
    Path base = Path.of("").toAbsolutePath();
    Path spec = Path.of(options.getOrDefault("spec", "platform-specs"));
    try {
      if (args[0].equals("validate")) {
        ValidateResult result = compiler.validate(new ValidateRequest(base, spec));
        return report(result.diagnostics(), err, out, "valid");
      }
      GenerateResult result =
          compiler.generate(
              new GenerateRequest(
                  base,
                  spec,
                  Path.of(options.getOrDefault("output", "target/maas")),
                  options.containsKey("crds") ? Path.of(options.get("crds")) : null,
                  options.containsKey("overlays") ? Path.of(options.get("overlays")) : null,
                  "cli",
                  options.containsKey("force")));
      if (result.upToDate()) {
        // The warnings of the run that compiled, shown again so that every run says the same.
        result.checks().forEach(d -> err.println(d.render()));
        out.println("maas: up to date; nothing rendered or written");
        return 0;
      }
      int status = report(result.diagnostics(), err, out, "generated");
      result.writeLines().forEach(line -> out.println("maas: " + line));
      return status;
    } catch (UncheckedIOException e) {
      err.println("maas: error: " + e.getMessage());
      err.println("maas: " + MaasCompiler.FAILED_WRITE_HINT);
      return IO_ERROR;
    } catch (RuntimeException | Error e) {
      err.println(
          "maas: internal error: "
              + e
              + " (this is a bug in maas, not in your spec; please report it)");
      return 3;
    }
  }

  private static int report(
      List<Diagnostic> diagnostics, PrintStream err, PrintStream out, String verb) {
    diagnostics.forEach(d -> err.println(d.render()));
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    String total = Diagnostics.total(errors, diagnostics.size() - errors);
    if (errors > 0) {
      err.println(total);
      return 1;
    }
    out.println("maas: " + verb + " (" + total + ")");
    return 0;
  }
}
