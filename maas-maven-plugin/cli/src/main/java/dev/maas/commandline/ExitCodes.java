package dev.maas.commandline;

/**
 * The exit statuses of every command, the same as the Maven goals' outcomes and the earlier {@code
 * MaasCli}.
 */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /**
   * The input is wrong (a spec error, a warning under --fail-on-warning), or the server refused the
   * request.
   */
  public static final int INPUT = 1;

  /** The command line is wrong. */
  public static final int USAGE = 2;

  /** An internal error: a bug in maas. */
  public static final int INTERNAL = 3;

  /** A file could not be read or written, or the server could not be reached. */
  public static final int IO = 4;

  private ExitCodes() {}
}
