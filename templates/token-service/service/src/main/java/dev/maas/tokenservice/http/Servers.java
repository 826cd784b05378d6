package dev.maas.tokenservice.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API listener and the health and metrics listener, on Netty's HTTP/1.1 codec.
 *
 * <p>Why Netty: the JDK's {@code com.sun.net.httpserver} spent about a third of the API's CPU per
 * token on its own request parsing, header maps, a hand-off per request and two writes per answer.
 * Netty parses on a few event-loop threads over the native epoll transport (NIO where the native
 * library cannot load) and writes an answer in one call. A request is read whole, within {@link
 * #MAX_REQUEST_SECONDS} and {@link Request#MAX_BODY_BYTES}, before any thread of the API pool sees
 * it, so a client that sends slowly holds a connection, not a thread. Handlers still block (the
 * ledger answers once the store has the change), so they run on a pool; health and metrics run on
 * an event loop of their own, so probes never queue behind API work.
 */
public final class Servers {

  /** A client must send its whole request within this many seconds. */
  public static final int MAX_REQUEST_SECONDS = 10;

  /** A connection with no traffic for this many seconds is closed. */
  static final int IDLE_SECONDS = 30;

  /** Requests with more header fields than this are refused. */
  static final int MAX_HEADERS = 100;

  /** The request line and the header block are bounded in bytes as well as in number. */
  private static final int MAX_LINE_BYTES = 8 * 1024;

  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private Servers() {}

  /**
   * The API listener: requests are parsed on event loops (one per processor, at most two) and
   * answered on a pool that grows to {@code maxThreads} with handlers running at once (those that
   * wait for Limitador or the Kubernetes API); past that, requests are refused with 503.
   */
  public static Listener api(InetSocketAddress address, Router router, int maxThreads)
      throws IOException {
    int processors = Runtime.getRuntime().availableProcessors();
    int loops = Math.min(2, Math.max(1, processors));
    int core = Math.min(maxThreads, Math.max(2, processors));
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            core,
            Math.max(core, maxThreads),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threads("maas-api"),
            new ThreadPoolExecutor.AbortPolicy());
    return listen(address, router, loops, "maas-api-io", pool, 1024);
  }

  /** The health and metrics listener: an event loop of its own that also answers. */
  public static Listener management(InetSocketAddress address, Router router) throws IOException {
    return listen(address, router, 1, "maas-health", null, 64);
  }

  private static Listener listen(
      InetSocketAddress address,
      Router router,
      int loops,
      String name,
      ExecutorService pool,
      int backlog)
      throws IOException {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    // Not daemons: the listeners keep the process running until it is told to stop.
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory(name, false), io);
    Executor handlers = pool == null ? Runnable::run : pool;
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(channel)
            .option(ChannelOption.SO_BACKLOG, backlog)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ChannelPipeline p = ch.pipeline();
                    p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
                    RequestDeadline deadline = new RequestDeadline(MAX_REQUEST_SECONDS);
                    p.addLast(deadline);
                    p.addLast(
                        new HttpServerCodec(
                            new HttpDecoderConfig()
                                .setMaxInitialLineLength(MAX_LINE_BYTES)
                                .setMaxHeaderSize(MAX_HEADER_BYTES)
                                // Header values are kept as sent (ISO-8859-1, control characters
                                // included): the audit log escapes them, and a refusal here
                                // would hide a hostile name from it.
                                .setValidateHeaders(false)));
                    p.addLast(new BodyLimit(Request.MAX_BODY_BYTES, router, deadline));
                    p.addLast(new Exchanges(router, handlers, deadline));
                  }
                });
    try {
      Channel bound = bootstrap.bind(address).sync().channel();
      return new Listener(bound, group, pool);
    } catch (InterruptedException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding " + address, e);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
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
