package dev.maas.tokenservice.http;

import com.sun.net.httpserver.Headers;

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

  private SecurityHeaders() {}

  /** Sets the headers of an answer of {@code contentType}. */
  public static void apply(Headers headers, String contentType) {
    boolean page = contentType != null && contentType.startsWith("text/html");
    headers.set("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
  }
}
