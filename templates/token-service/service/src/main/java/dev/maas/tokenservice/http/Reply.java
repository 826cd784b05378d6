package dev.maas.tokenservice.http;

import java.util.concurrent.CompletionStage;

/**
 * An answer: a status and a body written as JSON, or as text when {@code contentType} is not JSON;
 * sent once {@code after} completes, if there is one, or answered as its failure.
 *
 * @param status the HTTP status
 * @param body the JSON value, the text, or null for no body
 * @param contentType the media type
 * @param after what must be done before the answer is sent (a change being stored), or null
 */
public record Reply(int status, Object body, String contentType, CompletionStage<?> after) {

  public static final String JSON = "application/json";

  /** An answer to send at once. */
  public Reply(int status, Object body, String contentType) {
    this(status, body, contentType, null);
  }

  public static Reply json(int status, Object body) {
    return new Reply(status, body, JSON);
  }

  public static Reply noContent() {
    return new Reply(204, null, JSON);
  }

  /**
   * This answer, sent once {@code stage} completes: the thread that made it need not wait for a
   * store.
   */
  public Reply after(CompletionStage<?> stage) {
    return new Reply(status, body, contentType, stage);
  }
}
