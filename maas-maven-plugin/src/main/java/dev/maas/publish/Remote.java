package dev.maas.publish;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens transports to the remote with the request's credentials; SSH goes through Apache MINA sshd.
 */
final class Remote implements AutoCloseable {

  /** Seconds a connection may stay silent before it counts as unreachable. */
  static final int TIMEOUT_SECONDS = 60;

  private final URIish uri;
  private final GitCredentials credentials;

  /**
   * git's receive-pack for a repository on this machine, or {@code null}: JGit then receives
   * in-process.
   */
  private final String receivePack;

  private SshdSessionFactory ssh;

  Remote(String url, GitCredentials credentials) throws URISyntaxException {
    this(url, credentials, System.getenv("PATH"));
  }

  /** A remote whose {@code git} is looked up on {@code pathVariable}. */
  Remote(String url, GitCredentials credentials, String pathVariable) throws URISyntaxException {
    this.uri = new URIish(url);
    this.credentials = credentials;
    this.receivePack = LocalPush.isLocal(uri) ? LocalPush.receivePackCommand(pathVariable) : null;
  }

  /**
   * The hooks a push would skip: those of a repository on this machine when no {@code git} is at
   * hand to run them (JGit's in-process receiving runs none); empty when every hook runs or there
   * is none.
   */
  List<String> skippedHooks() throws IOException {
    return LocalPush.isLocal(uri) && receivePack == null ? LocalPush.hooks(uri) : List.of();
  }

  /** A transport for one fetch or push; the caller closes it. */
  Transport open(Repository local) throws NotSupportedException, TransportException {
    Transport transport = Transport.open(local, uri);
    transport.setTimeout(TIMEOUT_SECONDS);
    if (receivePack != null) {
      // The receiving side's hooks (a pre-receive that protects a branch) run only in git's own
      // receive-pack.
      transport.setOptionReceivePack(receivePack);
    }
    if (!credentials.isNone()) {
      transport.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(
              credentials.username() == null ? "" : credentials.username(),
              credentials.secret() == null ? "" : credentials.secret()));
    }
    if (transport instanceof SshTransport sshTransport) {
      sshTransport.setSshSessionFactory(sshFactory());
    }
    return transport;
  }

  private SshdSessionFactory sshFactory() {
    if (ssh == null) {
      // The user's ~/.ssh (keys, known_hosts, config) as plain `git` would use it.
      File home = FS.DETECTED.userHome();
      ssh =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(home)
              .setSshDirectory(new File(home, ".ssh"))
              .build(new JGitKeyCache());
    }
    return ssh;
  }

  @Override
  public void close() {
    if (ssh != null) {
      ssh.close();
    }
  }
}
