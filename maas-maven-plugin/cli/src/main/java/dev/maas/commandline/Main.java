package dev.maas.commandline;

import dev.maas.commandline.platform.UpToDateRun;
import java.io.PrintWriter;

/**
 * The jar's entry point: answers an unchanged {@code generate} at once, and hands every other
 * command line to {@link MaasCommand}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // An unchanged generate is what editors, hooks and CI re-run most; picocli's command model
    // would be most of its time, so it is answered before that model is built.
    int status = UpToDateRun.run(args, out, err);
    return status == UpToDateRun.NOT_ANSWERED ? MaasCommand.run(args, out, err) : status;
  }
}
