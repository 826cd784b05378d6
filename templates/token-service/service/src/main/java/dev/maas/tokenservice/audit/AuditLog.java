package dev.maas.tokenservice.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.maas.tokenservice.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Writes audit events as single JSON lines, and hands each to a sink (the OTLP exporter, when one
 * is configured). The mapper escapes control characters and all non-ASCII, so no value a client
 * chose can break a line or forge another one.
 */
public final class AuditLog {

  private final PrintStream out;
  private final EventTime time;
  private final Consumer<AuditEvent> sink;

  public AuditLog(PrintStream out, Clock clock) {
    this(out, clock, event -> {});
  }

  /** Lines to {@code out}, and each event also to {@code sink}, which must not block. */
  public AuditLog(PrintStream out, Clock clock, Consumer<AuditEvent> sink) {
    this.out = out;
    this.time = new EventTime(clock);
    this.sink = sink;
  }

  /** The event's line, as written to stdout. */
  static String line(AuditEvent event) {
    try {
      return Json.MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an audit event", e);
    }
  }

  public void issued(String user, String tier, String jti) {
    write("issue", user, tier, jti, null, "issued", 201, null);
  }

  public void revoked(String user, String jti) {
    write("revoke", user, null, jti, null, "revoked", 204, null);
  }

  public void revokedAll(String user) {
    write("revoke_all", user, null, null, null, "revoked", 204, null);
  }

  public void apiKeyIssued(String user, String tier, String keyId) {
    write("api_key_issue", user, tier, null, keyId, "issued", 201, null);
  }

  public void apiKeyRevoked(String user, String keyId) {
    write("api_key_revoke", user, null, null, keyId, "revoked", 204, null);
  }

  public void denied(String user, String tier, String reason, int status, String path) {
    write("denied", user, tier, null, null, reason, status, path);
  }

  private void write(
      String event,
      String user,
      String tier,
      String jti,
      String keyId,
      String outcome,
      int status,
      String path) {
    AuditEvent audited =
        new AuditEvent(time.now(), event, user, tier, jti, keyId, outcome, status, path);
    // One println per event: PrintStream locks per call, so concurrent lines never interleave.
    out.println(line(audited));
    sink.accept(audited);
  }
}
