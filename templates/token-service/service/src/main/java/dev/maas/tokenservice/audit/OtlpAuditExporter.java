package dev.maas.tokenservice.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.tokenservice.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Sends audit events to an OpenTelemetry Collector as OTLP log records, in the OTLP/HTTP JSON
 * encoding, from a bounded queue drained in batches by one daemon thread.
 *
 * <p>The JDK's HttpClient and the service's Jackson instead of the OpenTelemetry SDK: a few dozen
 * lines, no new libraries for the dependency-convergence rule, and no SDK classes to load at start
 * or to hold in the 40 MiB heap. {@link #accept} never blocks: a full queue drops the event and
 * counts it, and a collector that is down costs a failed export on the sending thread, never a
 * request. The stdout line is written regardless, so nothing is lost to the node's log agent.
 */
public final class OtlpAuditExporter implements Consumer<AuditEvent>, AutoCloseable {

  /** Events held while the collector is slow or away; about 300 bytes each. */
  public static final int QUEUE_CAPACITY = 2048;

  /** Events per export request. */
  static final int BATCH_SIZE = 256;

  /** How long a partial batch waits for more events before it is sent. */
  static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

  /** The resource's {@code service.name}. */
  public static final String SERVICE_NAME = "maas-api";

  private static final String SCOPE = "dev.maas.tokenservice.audit";

  /** OTLP's SeverityNumber INFO. */
  private static final int SEVERITY_INFO = 9;

  private final URI endpoint;
  private final HttpClient http;
  private final BlockingQueue<AuditEvent> queue;
  private final LongAdder dropped;
  private final Consumer<String> log;
  private final Thread sender;
  private volatile boolean running = true;
  private boolean failing;

  /**
   * Starts the sending thread for {@code endpoint} (the full {@code /v1/logs} URL); {@code dropped}
   * counts events dropped by a full queue or a failed export, {@code log} takes the service's
   * operational lines.
   */
  public OtlpAuditExporter(URI endpoint, int capacity, LongAdder dropped, Consumer<String> log) {
    // A misspelt endpoint fails the start, not every export after it.
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
        || endpoint.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + endpoint);
    }
    this.endpoint = endpoint;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.dropped = dropped;
    this.log = log;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            // Plain HTTP/1.1: the collector's receiver is cleartext, where an HTTP/2 upgrade
            // attempt
            // only adds headers to every export.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.sender = new Thread(this::run, "maas-audit-otlp");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void accept(AuditEvent event) {
    if (!queue.offer(event)) {
      dropped.increment();
    }
  }

  /** Sends what is queued, waiting up to 3 seconds, and stops the sending thread. */
  @Override
  public void close() {
    running = false;
    sender.interrupt();
    try {
      sender.join(TimeUnit.SECONDS.toMillis(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<AuditEvent> batch = new ArrayList<>(BATCH_SIZE);
    while (running || !queue.isEmpty()) {
      try {
        AuditEvent first = queue.poll(FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        // Let a burst gather into one request rather than one request per event.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (batch.size() < BATCH_SIZE) {
          long left = until - System.nanoTime();
          AuditEvent next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      } catch (InterruptedException e) {
        // close(): drain what is left once, without waiting.
        queue.drainTo(batch, BATCH_SIZE - batch.size());
      }
      if (!batch.isEmpty()) {
        send(batch);
        batch.clear();
      }
    }
  }

  private void send(List<AuditEvent> batch) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      Json.MAPPER.writeValueAsBytes(body(batch))))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        fail(batch.size(), "the collector answered " + status);
      } else if (failing) {
        failing = false;
        log.accept("audit events reach " + endpoint + " again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped.add(batch.size());
    } catch (Exception e) {
      fail(batch.size(), e.getClass().getSimpleName());
    }
  }

  /**
   * Counts the lost batch; logs only the first failure of a run, so a dead collector is one line.
   */
  private void fail(int events, String why) {
    dropped.add(events);
    if (!failing) {
      failing = true;
      log.accept(
          "could not send audit events to "
              + endpoint
              + " ("
              + why
              + "); they stay on stdout, and further failures are counted");
    }
  }

  /** An ExportLogsServiceRequest in OTLP/HTTP's JSON encoding (opentelemetry-proto, logs/v1). */
  static ObjectNode body(List<AuditEvent> batch) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode resourceLogs = root.putArray("resourceLogs").addObject();
    attribute(
        resourceLogs.putObject("resource").putArray("attributes"), "service.name", SERVICE_NAME);
    ObjectNode scopeLogs = resourceLogs.putArray("scopeLogs").addObject();
    scopeLogs.putObject("scope").put("name", SCOPE);
    ArrayNode records = scopeLogs.putArray("logRecords");
    String observed = nanos(Instant.now());
    for (AuditEvent e : batch) {
      ObjectNode r = records.addObject();
      // 64-bit integers are strings in OTLP's JSON encoding.
      r.put("timeUnixNano", nanos(Instant.parse(e.time())));
      r.put("observedTimeUnixNano", observed);
      r.put("severityNumber", SEVERITY_INFO);
      r.put("severityText", "INFO");
      // The body is the stdout line itself, so both paths carry the same text.
      r.putObject("body").put("stringValue", AuditLog.line(e));
      ArrayNode a = r.putArray("attributes");
      attribute(a, "event", e.event());
      attribute(a, "user", e.user());
      attribute(a, "tier", e.tier());
      attribute(a, "jti", e.jti());
      attribute(a, "keyId", e.keyId());
      attribute(a, "outcome", e.outcome());
      a.addObject()
          .put("key", "status")
          .putObject("value")
          .put("intValue", String.valueOf(e.status()));
      attribute(a, "path", e.path());
    }
    return root;
  }

  private static void attribute(ArrayNode attributes, String key, String value) {
    if (value != null) {
      attributes.addObject().put("key", key).putObject("value").put("stringValue", value);
    }
  }

  private static String nanos(Instant t) {
    return String.valueOf(TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano());
  }
}
