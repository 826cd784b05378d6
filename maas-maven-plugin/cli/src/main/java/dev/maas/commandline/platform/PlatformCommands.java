package dev.maas.commandline.platform;

import dev.maas.api.ExplainResult;
import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.PlanResult;
import dev.maas.api.PublishResult;
import dev.maas.commandline.ExitCodes;
import dev.maas.diag.Diagnostic;
import dev.maas.plan.Explanation;
import dev.maas.publish.PublishReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code validate|generate|plan|explain|publish|schema|init}: the Maven goals' options under the
 * names of their properties without the {@code maas.} prefix, the same diagnostics (compiler style,
 * to standard error) and the same outcomes as exit statuses (see {@link ExitCodes}).
 */
public final class PlatformCommands {

  private PlatformCommands() {}

  /** The options every compiling command shares. */
  static final class SpecOptions {
    @Option(
        names = GenerateArguments.SPEC,
        paramLabel = "FILE|DIR",
        defaultValue = GenerateArguments.SPEC_DEFAULT,
        description = "The platform spec file or folder (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Option(
        names = GenerateArguments.FAIL_ON_WARNING,
        description = "Fail (exit 1) when there is a warning.")
    boolean failOnWarning;
  }

  /** The options of the commands that compile into a folder. */
  static final class OutputOptions {
    @Option(
        names = GenerateArguments.OUTPUT,
        paramLabel = "DIR",
        defaultValue = GenerateArguments.OUTPUT_DEFAULT,
        description = "Where the <platform>/ folders are written (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
        names = GenerateArguments.CRDS,
        paramLabel = "DIR",
        description = "CRDs to validate the output against.")
    Path crds;

    @Option(
        names = GenerateArguments.OVERLAYS,
        paramLabel = "DIR",
        description = "Hand-written Kustomize overlays to layer in.")
    Path overlays;

    @Option(
        names = "--force",
        description = "Compile and write even when the inputs are unchanged.")
    boolean force;
  }

  /** The GitOps target's overrides and the local clone cache. */
  static final class GitOptions {
    @Option(names = "--git-url", paramLabel = "URL", description = "Overrides spec.gitops.repoURL.")
    String url;

    @Option(
        names = "--git-branch",
        paramLabel = "BRANCH",
        description = "Overrides spec.gitops.branch.")
    String branch;

    @Option(names = "--git-path", paramLabel = "PATH", description = "Overrides spec.gitops.path.")
    String path;

    @Option(
        names = "--git-work-directory",
        paramLabel = "DIR",
        defaultValue = "target/maas-git",
        description =
            "Where local clones are cached (default: ${DEFAULT-VALUE}). Credentials come from MAAS_GIT_TOKEN,"
                + " or MAAS_GIT_USERNAME and MAAS_GIT_PASSWORD.")
    Path work;
  }

  /** The shared reporting: diagnostics to standard error, a total, and the exit status. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec command;

    @Mixin SpecOptions specOptions;

    PrintWriter out() {
      return command.commandLine().getOut();
    }

    PrintWriter err() {
      return command.commandLine().getErr();
    }

    Path base() {
      return Path.of("").toAbsolutePath();
    }

    /** The request to compile this command's spec with {@code output}'s folders and force. */
    GenerateRequest generateRequest(OutputOptions output) {
      return Compiler.generateRequest(
          base(), specOptions.spec, output.output, output.crds, output.overlays, output.force);
    }

    @Override
    public final Integer call() {
      try {
        return run();
      } catch (UncheckedIOException e) {
        err().println("maas: error: " + e.getMessage());
        err().println("maas: " + dev.maas.api.MaasCompiler.FAILED_WRITE_HINT);
        return ExitCodes.IO;
      }
    }

    abstract int run();

    /** Prints {@code diagnostics} and the total; the exit status they give. */
    int report(List<Diagnostic> diagnostics, String verb) {
      return Report.diagnostics(diagnostics, specOptions.failOnWarning, verb, out(), err());
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Check the spec (JSON Schema and semantic rules); errors at file:line:col.")
  public static final class Validate extends Base {
    @Override
    int run() {
      return report(Compiler.validate(base(), specOptions.spec).diagnostics(), "valid");
    }
  }

  @Command(
      name = GenerateArguments.COMMAND,
      mixinStandardHelpOptions = true,
      description = "Compile the spec into Kustomize-ready manifests, one folder per platform.")
  public static final class Generate extends Base {
    @Mixin OutputOptions outputOptions;

    @Option(
        names = "--timings",
        description = "Print how long each stage took, and the JVM in all, to standard error.")
    boolean timings;

    @Override
    int run() {
      if (timings) {
        System.setProperty("maas.timings", "true");
      }
      int status = generate();
      if (timings) {
        // Since the JVM started: its own start, the command line's, and every stage.
        err()
            .printf(
                "maas: timing %-12s %6d ms%n",
                "jvm", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
      }
      return status;
    }

    private int generate() {
      GenerateRequest request = generateRequest(outputOptions);
      GenerateResult result =
          Progress.around(
              "generating " + specOptions.spec, out(), () -> Compiler.generate(request));
      if (result.upToDate()) {
        return Report.upToDate(result.checks(), specOptions.failOnWarning, out(), err());
      }
      int status = report(result.diagnostics(), "generated");
      result
          .written()
          .forEach(
              (path, r) ->
                  out()
                      .println(
                          "maas: wrote "
                              + path
                              + " ("
                              + r.added().size()
                              + " added, "
                              + r.changed().size()
                              + " changed, "
                              + r.removed().size()
                              + " removed)"));
      return status;
    }
  }

  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description =
          "Who can call what at what rate, before and after: a Markdown report and its JSON twin.")
  public static final class Plan extends Base {
    @Mixin OutputOptions outputOptions;

    @Mixin GitOptions git;

    @Option(
        names = "--base",
        paramLabel = "REF",
        description = "git: (the GitOps branch), git:<ref>, or a folder.")
    String baseRef;

    @Option(
        names = "--plan-output",
        paramLabel = "FILE",
        defaultValue = "target/maas/plan.md",
        description = "The report (default: ${DEFAULT-VALUE}); the JSON twin is written beside it.")
    Path planOutput;

    @Option(
        names = "--fail-on-breaking",
        description = "Fail (exit 1) when the plan has a breaking change.")
    boolean failOnBreaking;

    @Override
    int run() {
      GenerateRequest request = generateRequest(outputOptions);
      PlanResult result =
          Progress.around(
              "planning " + specOptions.spec,
              out(),
              () ->
                  Compiler.plan(
                      request,
                      baseRef,
                      git.url,
                      git.branch,
                      git.path,
                      Compiler.credentials(System.getenv()),
                      git.work,
                      planOutput));
      int status = report(result.diagnostics(), null);
      if (status != ExitCodes.OK) {
        return status;
      }
      result.report().markdown().lines().forEach(out()::println);
      out().println("maas: wrote the plan to " + result.markdown() + " and " + result.json());
      List<String> breaking = result.breaking();
      breaking.forEach(b -> err().println("maas: breaking: " + b));
      return failOnBreaking && !breaking.isEmpty() ? ExitCodes.INPUT : ExitCodes.OK;
    }
  }

  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description =
          "Trace one tier and model through the generated policies: why a call is allowed and limited.")
  public static final class Explain extends Base {
    @Option(
        names = "--tier",
        paramLabel = "TIER",
        description = "The tier (all tiers when absent).")
    String tier;

    @Option(
        names = "--model",
        paramLabel = "MODEL",
        description = "The model (all models when absent).")
    String model;

    @Option(
        names = GenerateArguments.OVERLAYS,
        paramLabel = "DIR",
        defaultValue = "overlays",
        description = "Hand-written Kustomize overlays (default: ${DEFAULT-VALUE}).")
    Path overlays;

    @Override
    int run() {
      ExplainResult result =
          Compiler.explain(
              base(), specOptions.spec, Files.isDirectory(overlays) ? overlays : null, tier, model);
      int status = report(result.diagnostics(), null);
      for (Explanation explanation : result.explanations()) {
        explanation.lines().forEach(out()::println);
      }
      return status;
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = "Generate, then commit and push the output to the GitOps repository with JGit.")
  public static final class Publish extends Base {
    @Mixin OutputOptions outputOptions;

    @Mixin GitOptions git;

    @Option(
        names = "--dry-run",
        description = "Do everything but push; print the commit that would be made.")
    boolean dryRun;

    @Option(
        names = "--git-prune",
        paramLabel = "owned|all",
        defaultValue = "owned",
        description =
            "owned: delete only files maas writes; all: also links and submodules (default: ${DEFAULT-VALUE}).")
    String prune;

    @Option(
        names = "--git-author",
        paramLabel = "NAME <EMAIL>",
        description = "The commits' author and committer.")
    String author;

    @Override
    int run() {
      if (!prune.equals("owned") && !prune.equals("all")) {
        err()
            .println(
                "maas: --git-prune="
                    + prune
                    + " is neither `owned` nor `all` (owned: delete only files maas"
                    + " writes; all: also links and submodules under the path)");
        return ExitCodes.USAGE;
      }
      GenerateRequest request = generateRequest(outputOptions);
      PublishResult result =
          Progress.around(
              "publishing " + specOptions.spec,
              out(),
              () ->
                  Compiler.publish(
                      request,
                      git.url,
                      git.branch,
                      git.path,
                      Compiler.credentials(System.getenv()),
                      git.work,
                      dryRun,
                      prune.equals("all"),
                      author,
                      System.getenv()));
      List<Diagnostic> all = new ArrayList<>(result.generate().validation().diagnostics());
      all.addAll(result.generate().checks());
      all.addAll(result.errors());
      for (PublishReport report : result.reports()) {
        out().println("maas: " + report.summary());
        if (report.outcome() == PublishReport.Outcome.DRY_RUN) {
          report.message().lines().forEach(line -> out().println("maas:   " + line));
          report
              .files()
              .forEach(
                  f -> out().println("maas:   " + f.type().name().toLowerCase() + " " + f.path()));
        }
      }
      return report(all, "published");
    }
  }

  @Command(
      name = "schema",
      mixinStandardHelpOptions = true,
      description = "Write the platform spec's JSON Schema, for editors and CI.")
  public static final class Schema implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(
        names = "--output",
        paramLabel = "FILE",
        defaultValue = "target/maas/platform-spec.schema.json",
        description = "Where to write it (default: ${DEFAULT-VALUE}); - for standard output.")
    String output;

    @Override
    public Integer call() {
      PrintWriter out = command.commandLine().getOut();
      if (output.equals("-")) {
        out.print(Compiler.schema());
        out.flush();
        return ExitCodes.OK;
      }
      Path target = Path.of(output);
      String written = writeIfChanged(target, Compiler.schema(), command.commandLine().getErr());
      if (written == null) {
        return ExitCodes.IO;
      }
      out.println(
          "maas: "
              + (written.isEmpty()
                  ? target + " is up to date"
                  : "wrote the platform spec schema to " + target));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description =
          "Scaffold a commented starter spec, with the schema modeline editors read, and the schema beside it.")
  public static final class Init implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        defaultValue = "my-platform",
        description =
            "The platform's name: lower-case letters, digits and dashes (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        defaultValue = "platform-specs",
        description =
            "The spec folder (default: ${DEFAULT-VALUE}); the schema goes to schema/ beside it.")
    Path dir;

    @Override
    public Integer call() {
      PrintWriter err = command.commandLine().getErr();
      if (!name.matches("[a-z]([a-z0-9-]{0,38}[a-z0-9])?")) {
        err.println(
            "maas: --name `"
                + name
                + "` is not a DNS label (lower-case letters, digits and dashes, at most 40,"
                + " starting with a letter)");
        return ExitCodes.USAGE;
      }
      Path spec = dir.resolve(name + ".yaml");
      if (Files.exists(spec)) {
        err.println(
            "maas: " + spec + " exists; init never overwrites a spec (choose another --name)");
        return ExitCodes.INPUT;
      }
      Path parent = dir.toAbsolutePath().getParent();
      Path schema =
          (parent == null ? Path.of("schema") : parent.resolve("schema"))
              .resolve("platform-spec.schema.json");
      if (writeIfChanged(schema, Compiler.schema(), err) == null
          || writeIfChanged(spec, StarterSpec.text(name), err) == null) {
        return ExitCodes.IO;
      }
      PrintWriter out = command.commandLine().getOut();
      out.println("maas: wrote " + spec + " and " + schema);
      out.println("maas: next: maas validate --spec " + dir);
      return ExitCodes.OK;
    }
  }

  /**
   * Writes {@code text} unless the file holds it already: "" when unchanged, the path when written,
   * null on error.
   */
  static String writeIfChanged(Path target, String text, PrintWriter err) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
        return "";
      }
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(target, bytes);
      return target.toString();
    } catch (IOException e) {
      err.println("maas: error: cannot write " + target + ": " + e.getMessage());
      return null;
    }
  }
}
