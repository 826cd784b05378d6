package dev.maas.tokenservice.http;

import java.util.Map;

/**
 * A request the service refuses: the HTTP status, a reason counted in the metrics, and a message
 * for the client.
 */
public final class Refusal extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;
  private final transient Map<String, Object> extra;

  public Refusal(int status, String reason, String message) {
    this(status, reason, message, Map.of());
  }

  public Refusal(int status, String reason, String message, Map<String, Object> extra) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
    this.extra = Map.copyOf(extra);
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  /** More members of the error body, such as the maximum lifetime. */
  public Map<String, Object> extra() {
    return extra;
  }

  public static Refusal badRequest(String message) {
    return new Refusal(400, "bad_request", message);
  }
}
