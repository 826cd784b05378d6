package dev.maas.tokenservice.http;

/**
 * An answer: a status and a body written as JSON, or as text when {@code contentType} is not JSON.
 *
 * @param status the HTTP status
 * @param body the JSON value, the text, or null for no body
 * @param contentType the media type
 */
public record Reply(int status, Object body, String contentType) {

  public static final String JSON = "application/json";

  public static Reply json(int status, Object body) {
    return new Reply(status, body, JSON);
  }

  public static Reply noContent() {
    return new Reply(204, null, JSON);
  }
}
