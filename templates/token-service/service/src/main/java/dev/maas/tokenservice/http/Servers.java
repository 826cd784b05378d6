package dev.maas.tokenservice.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server, configured for the API and for health and metrics.
 *
 * <p>Why the JDK's server: the service answers a handful of small JSON endpoints behind a gateway
 * that terminates TLS, and the JDK server needs no dependency. Its handlers read request bodies on
 * the executor's threads, so a client that sends its body slowly holds a thread until the request
 * deadline ({@link #MAX_REQUEST_SECONDS}) cuts it off. The API pool therefore grows to {@link
 * #DEFAULT_MAX_THREADS} threads that mostly wait (signing a token takes well under a millisecond of
 * CPU), so that slow clients cannot take every thread; health and metrics have a server and threads
 * of their own, so probes never queue behind API work.
 */
public final class Servers {

  /** A client must send its whole request within this many seconds. */
  public static final int MAX_REQUEST_SECONDS = 10;

  /** The API pool's ceiling: threads that wait on slow clients cost memory, not CPU. */
  public static final int DEFAULT_MAX_THREADS = 200;

  private Servers() {}

  /**
   * Sets the JDK server's limits. They are read once, when its implementation is first loaded, so
   * this must run before the first server is created.
   */
  public static void configureJdkServer() {
    System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
    System.setProperty("sun.net.httpserver.maxRspTime", "30");
    System.setProperty("sun.net.httpserver.maxReqHeaders", "100");
    System.setProperty("sun.net.httpserver.idleInterval", "30");
    // Headers and body leave separately; with Nagle's algorithm the body waited for the client's
    // delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * The API server: a pool that grows with waiting clients, and the accepting thread runs work when
   * it is full.
   */
  public static HttpServer api(InetSocketAddress address, HttpHandler handler, int maxThreads)
      throws IOException {
    int core = Math.max(2, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        new ThreadPoolExecutor(
            core,
            Math.max(core, maxThreads),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threads("maas-api"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    return server(address, handler, pool, 256);
  }

  /** The health and metrics server: two threads of its own, whatever the API is doing. */
  public static HttpServer management(InetSocketAddress address, HttpHandler handler)
      throws IOException {
    ExecutorService pool =
        new ThreadPoolExecutor(
            2,
            2,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            threads("maas-health"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    return server(address, handler, pool, 16);
  }

  private static HttpServer server(
      InetSocketAddress address, HttpHandler handler, ExecutorService pool, int backlog)
      throws IOException {
    HttpServer server = HttpServer.create(address, backlog);
    server.setExecutor(pool);
    server.createContext("/", handler);
    return server;
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
