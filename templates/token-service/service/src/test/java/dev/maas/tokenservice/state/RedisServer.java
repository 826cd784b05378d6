package dev.maas.tokenservice.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, in a folder of its own,
 * persisting nothing.
 */
public final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Whether {@code redis-server} is on the PATH. */
  public static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
        return true;
      }
    }
    return false;
  }

  /** Starts one, logging to {@code dir/redis.log}, and waits until it accepts connections. */
  public static RedisServer start(Path dir) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                List.of(
                    "redis-server",
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    dir.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new RedisServer(process, port);
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IOException(
              "redis-server exited: " + Files.readString(dir.resolve("redis.log")));
        }
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IOException("redis-server did not listen on " + port);
  }

  /** Its URL. */
  public URI url() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
