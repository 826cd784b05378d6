package dev.maas.tokenservice.http;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** A bound listener: its port, and what stops it. */
public final class Listener implements AutoCloseable {

  private final Channel channel;
  private final EventLoopGroup loops;
  private final ExecutorService pool;

  Listener(Channel channel, EventLoopGroup loops, ExecutorService pool) {
    this.channel = channel;
    this.loops = loops;
    this.pool = pool;
  }

  /** The port it listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops accepting, closes every connection and stops the handlers' pool. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
