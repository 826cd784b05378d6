package dev.maas.tokenservice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Connections that hold the health and metrics port: the kubelet's probes and Prometheus' scrapes
 * must still be answered.
 */
class ManagementPortAttackTest extends WithService {

  /** A connection that starts a request and never finishes its headers. */
  private static Socket unfinishedRequest() throws Exception {
    Socket s = new Socket("127.0.0.1", service.app().managementPort());
    OutputStream out = s.getOutputStream();
    out.write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  /** A connection that sends nothing at all. */
  private static Socket silentConnection() throws Exception {
    return new Socket("127.0.0.1", service.app().managementPort());
  }

  @Test
  void oneUnfinishedRequestDoesNotStallHealthOrMetrics() throws Exception {
    try (Socket slow = unfinishedRequest()) {
      Thread.sleep(200);
      for (int i = 0; i < 5; i++) {
        long health = service.managementMillis("/health");
        assertTrue(health < 1_000, "health took " + health + " ms beside an unfinished request");
        long metrics = service.managementMillis("/metrics");
        assertTrue(metrics < 1_000, "metrics took " + metrics + " ms beside an unfinished request");
      }
    }
  }

  @Test
  void silentConnectionsDoNotStallHealth() throws Exception {
    try (Connections silent = new Connections()) {
      for (int i = 0; i < 8; i++) {
        silent.add(silentConnection());
      }
      Thread.sleep(200);
      for (int i = 0; i < 5; i++) {
        long health = service.managementMillis("/health");
        assertTrue(health < 1_000, "health took " + health + " ms beside 8 silent connections");
      }
    }
  }
}
