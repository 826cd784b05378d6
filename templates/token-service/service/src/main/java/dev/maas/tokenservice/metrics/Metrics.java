package dev.maas.tokenservice.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Tokens issued by tier, requests refused by reason, and revocations. */
public final class Metrics {

  private final Map<String, LongAdder> issued = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private final LongAdder revocations = new LongAdder();
  private final LongAdder auditDropped = new LongAdder();

  public void issued(String tier) {
    issued.computeIfAbsent(tier, t -> new LongAdder()).increment();
  }

  public void refused(String reason) {
    refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  public void revoked() {
    revocations.increment();
  }

  /** Audit events the OTLP exporter dropped (queue full or export failed); it adds to this. */
  public LongAdder auditDropped() {
    return auditDropped;
  }

  /** The counters in Prometheus's text format 0.0.4. */
  public String render() {
    StringBuilder out = new StringBuilder();
    counter(out, "maas_tokens_issued_total", "Tokens issued, by tier.", "tier", issued);
    counter(out, "maas_token_refusals_total", "Requests refused, by reason.", "reason", refused);
    out.append(
            "# HELP maas_token_revocations_total Revocations (all of a user's tokens, or one token).\n")
        .append("# TYPE maas_token_revocations_total counter\n")
        .append("maas_token_revocations_total ")
        .append(revocations.sum())
        .append('\n');
    out.append(
            "# HELP maas_audit_otlp_dropped_total Audit events not sent to the OTLP collector"
                + " (each is still on stdout).\n")
        .append("# TYPE maas_audit_otlp_dropped_total counter\n")
        .append("maas_audit_otlp_dropped_total ")
        .append(auditDropped.sum())
        .append('\n');
    return out.toString();
  }

  private static void counter(
      StringBuilder out, String name, String help, String label, Map<String, LongAdder> by) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    new TreeMap<>(by)
        .forEach(
            (value, n) ->
                out.append(name)
                    .append('{')
                    .append(label)
                    .append("=\"")
                    .append(labelValue(value))
                    .append("\"} ")
                    .append(n.sum())
                    .append('\n'));
  }

  /** The escapes the exposition format defines for label values. */
  private static String labelValue(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
