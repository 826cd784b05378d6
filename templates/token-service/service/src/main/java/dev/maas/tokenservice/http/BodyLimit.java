package dev.maas.tokenservice.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Reads a request whole, its body bounded: a larger one is answered with 413 as the router answers
 * every refusal (counted and audited), and the rest of it is read and dropped, so that a client
 * still sending sees the answer.
 */
final class BodyLimit extends HttpObjectAggregator {

  private final Router router;
  private final RequestDeadline deadline;

  BodyLimit(int maxBytes, Router router, RequestDeadline deadline) {
    super(maxBytes);
    this.router = router;
    this.deadline = deadline;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (!(oversized instanceof HttpRequest request)) {
      ctx.close();
      return;
    }
    deadline.met();
    Request refused = Request.of(request, new byte[0]);
    Router.Outcome outcome =
        router.refused(
            refused,
            new Refusal(
                413,
                "body_too_large",
                "the request body is larger than " + Request.MAX_BODY_BYTES + " bytes"));
    // A body sent without its length cannot be skipped reliably: the connection goes.
    boolean keepAlive = HttpUtil.isKeepAlive(request) && HttpUtil.isContentLengthSet(request);
    ctx.writeAndFlush(Exchanges.response(outcome, keepAlive))
        .addListener(
            keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
  }
}
