package dev.maas.tokenservice.http;

import dev.maas.tokenservice.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The requests of one connection, answered in the order they came: each whole request goes to the
 * handlers' executor, and the next one waits until its answer is written, so pipelined requests are
 * never answered out of order.
 */
final class Exchanges extends ChannelInboundHandlerAdapter {

  private final Router router;
  private final Executor handlers;
  private final RequestDeadline deadline;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private boolean busy;

  Exchanges(Router router, Executor handlers, RequestDeadline deadline) {
    this.router = router;
    this.handlers = handlers;
    this.deadline = deadline;
  }

  /** A request read whole, and whether its connection stays open after the answer. */
  private record Waiting(Request request, boolean keepAlive, Router.Outcome early) {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest full)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    deadline.met();
    try {
      waiting.add(admit(full));
    } finally {
      full.release();
    }
    next(ctx);
  }

  /** The request as the handlers see it, or the answer when it is malformed. */
  private Waiting admit(FullHttpRequest full) {
    if (!full.decoderResult().isSuccess()) {
      return new Waiting(
          null, false, new Router.Outcome(Reply.json(400, Map.of("error", "bad request")), null));
    }
    byte[] body = new byte[full.content().readableBytes()];
    full.content().readBytes(body);
    Request request = Request.of(full, body);
    if (full.headers().size() > Servers.MAX_HEADERS) {
      return new Waiting(
          request,
          false,
          router.refused(
              request,
              new Refusal(431, "bad_request", "more than " + Servers.MAX_HEADERS + " headers")));
    }
    return new Waiting(request, HttpUtil.isKeepAlive(full), null);
  }

  private void next(ChannelHandlerContext ctx) {
    if (busy || waiting.isEmpty()) {
      return;
    }
    Waiting w = waiting.poll();
    busy = true;
    if (w.early() != null) {
      write(ctx, w.early(), w.keepAlive());
      return;
    }
    try {
      handlers.execute(() -> answer(ctx, w));
    } catch (RejectedExecutionException e) {
      if (handlers instanceof ExecutorService pool && pool.isShutdown()) {
        // The service is stopping.
        ctx.close();
        return;
      }
      write(
          ctx,
          router.refused(
              w.request(), new Refusal(503, "busy", "too many requests at once; try again")),
          w.keepAlive());
    }
  }

  /**
   * Answers {@code w} on a handler's thread; an answer that waits for a store is written by the
   * connection's loop once the store is done, and the handler's thread is free meanwhile.
   */
  private void answer(ChannelHandlerContext ctx, Waiting w) {
    Router.Outcome outcome = router.answer(w.request());
    if (outcome.reply().after() == null) {
      write(ctx, outcome, w.keepAlive());
      return;
    }
    outcome
        .reply()
        .after()
        .whenComplete(
            (done, failure) -> {
              Router.Outcome sent = failure == null ? outcome : router.failed(w.request(), failure);
              ctx.executor().execute(() -> write(ctx, sent, w.keepAlive()));
            });
  }

  /** Writes the answer (from any thread); the connection's next request follows on its loop. */
  private void write(ChannelHandlerContext ctx, Router.Outcome outcome, boolean keepAlive) {
    FullHttpResponse response;
    try {
      response = response(outcome, keepAlive);
    } catch (RuntimeException e) {
      response =
          response(
              new Router.Outcome(Reply.json(500, Map.of("error", "internal error")), null),
              keepAlive);
    }
    ctx.writeAndFlush(response)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!keepAlive || !f.isSuccess()) {
                    f.channel().close();
                    return;
                  }
                  busy = false;
                  next(ctx);
                });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or a broken pipe: there is nobody to answer.
    ctx.close();
  }

  /**
   * {@code outcome} as an HTTP answer with {@code Cache-Control: no-store} (tokens and identities
   * must not be cached) and the {@link SecurityHeaders}.
   */
  static FullHttpResponse response(Router.Outcome outcome, boolean keepAlive) {
    Reply reply = outcome.reply();
    byte[] bytes;
    try {
      bytes =
          reply.body() == null
              ? null
              : reply.body() instanceof String text && !Reply.JSON.equals(reply.contentType())
                  ? text.getBytes(StandardCharsets.UTF_8)
                  : Json.MAPPER.writeValueAsBytes(reply.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("an answer could not be written as JSON", e);
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(reply.status()),
            bytes == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
    HttpHeaders headers = response.headers();
    headers.set(HttpHeaderNames.CACHE_CONTROL, SecurityHeaders.NO_STORE);
    SecurityHeaders.apply(headers, reply.contentType());
    if (bytes != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
    }
    if (outcome.allow() != null) {
      headers.set(HttpHeaderNames.ALLOW, outcome.allow());
    }
    if (reply.status() != 204) {
      HttpUtil.setContentLength(response, bytes == null ? 0 : bytes.length);
    }
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }
}
