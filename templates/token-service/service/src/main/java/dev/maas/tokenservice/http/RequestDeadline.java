package dev.maas.tokenservice.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request is not whole within a deadline from its first byte (headers and
 * body sent slowly alike), and one that stays idle; {@link #met} marks the request whole. One per
 * connection.
 *
 * <p>One timer per connection, not one per request: it is checked when it fires, and set again for
 * what is left of a request under way; a timer made and cancelled for every request cost 2 % of the
 * service's CPU at full load.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {

  private final long nanos;

  /** When the request under way started ({@link System#nanoTime}), or 0 between requests. */
  private long started;

  private ScheduledFuture<?> timer;

  RequestDeadline(long seconds) {
    this.nanos = TimeUnit.SECONDS.toNanos(seconds);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (started == 0) {
      // Never 0 for a request under way, whatever nanoTime answers.
      started = System.nanoTime() | 1;
      if (timer == null) {
        timer = ctx.executor().schedule(() -> check(ctx), nanos, TimeUnit.NANOSECONDS);
      }
    }
    ctx.fireChannelRead(msg);
  }

  private void check(ChannelHandlerContext ctx) {
    timer = null;
    if (started == 0) {
      return;
    }
    long left = started + nanos - System.nanoTime();
    if (left <= 0) {
      ctx.close();
    } else {
      timer = ctx.executor().schedule(() -> check(ctx), left, TimeUnit.NANOSECONDS);
    }
  }

  /** The request under way is whole; the next byte starts a new deadline. On the loop only. */
  void met() {
    started = 0;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    started = 0;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    ctx.fireChannelInactive();
  }
}
