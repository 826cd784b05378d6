package dev.maas.tokenservice.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * The headers every answer carries so that a browser neither guesses a type, nor frames a page, nor
 * runs what the page did not ship: a Content-Security-Policy in a {@code meta} tag cannot say
 * {@code frame-ancestors} (browsers ignore it there), and a JSON answer has no tag at all.
 */
public final class SecurityHeaders {

  /**
   * The Web UI's policy: its own script and style only, no inline code, calls to any origin (the
   * MaaS API, the OIDC provider), no forms, never framed.
   */
  public static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src *;"
          + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  /** Every other answer's policy: nothing loads and nothing frames it. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** Tokens and identities must not be cached. */
  static final AsciiString NO_STORE = AsciiString.cached("no-store");

  // Names and values made once: every answer carries them.
  private static final AsciiString CSP = AsciiString.cached("Content-Security-Policy");
  private static final AsciiString PAGE = AsciiString.cached(PAGE_POLICY);
  private static final AsciiString API = AsciiString.cached(API_POLICY);
  private static final AsciiString TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
  private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
  private static final AsciiString FRAME_OPTIONS = AsciiString.cached("X-Frame-Options");
  private static final AsciiString DENY = AsciiString.cached("DENY");
  private static final AsciiString REFERRER = AsciiString.cached("Referrer-Policy");
  private static final AsciiString NO_REFERRER = AsciiString.cached("no-referrer");

  private SecurityHeaders() {}

  /** Sets the headers of an answer of {@code contentType}. */
  public static void apply(HttpHeaders headers, String contentType) {
    boolean page = contentType != null && contentType.startsWith("text/html");
    headers.set(CSP, page ? PAGE : API);
    headers.set(TYPE_OPTIONS, NOSNIFF);
    headers.set(FRAME_OPTIONS, DENY);
    headers.set(REFERRER, NO_REFERRER);
  }
}
