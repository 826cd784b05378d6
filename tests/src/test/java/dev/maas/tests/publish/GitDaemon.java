package dev.maas.tests.publish;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code git daemon} serving the bare repositories under one folder on 127.0.0.1, push enabled.
 *
 * @param served the folder whose repositories it serves
 * @param port the port it listens on
 * @param process the daemon's process
 */
record GitDaemon(Path served, int port, Process process) implements AutoCloseable {

  /** Starts a daemon for the repositories under {@code served} on a free port. */
  static GitDaemon serve(Path served) throws IOException, InterruptedException {
    int port = GitCli.freePort();
    return new GitDaemon(served, port, GitCli.startDaemon(served, port));
  }

  /** A new empty bare repository {@code name}.git that this daemon serves. */
  Path initBare(String name) throws IOException {
    return GitCli.initBare(served.resolve(name + ".git"));
  }

  /** The {@code git://} URL of repository {@code name}.git. */
  String url(String name) {
    return "git://127.0.0.1:" + port + "/" + name + ".git";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
