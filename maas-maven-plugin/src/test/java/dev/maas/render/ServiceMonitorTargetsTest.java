package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.output.GeneratedTree;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A ServiceMonitor of a generated Service selects that Service: its labels match, and the port
 * exists.
 */
class ServiceMonitorTargetsTest {

  @Test
  void theTokenServiceMonitorSelectsTheTokenServiceService() {
    GeneratedTree tree = Fixtures.render(Fixtures.acme());
    JsonNode monitor = Fixtures.object(tree, "base/servicemonitor-acme-token-service.yaml");
    JsonNode service = Fixtures.object(tree, "base/service-acme-token-service.yaml");
    JsonNode selector = monitor.at("/spec/selector/matchLabels");
    assertFalse(selector.isEmpty(), "the monitor selects by labels: " + monitor);
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      assertTrue(
          label
              .getValue()
              .equals(service.at("/metadata/labels/" + label.getKey().replace("/", "~1"))),
          "the Service carries "
              + label.getKey()
              + "="
              + label.getValue()
              + ": "
              + service.at("/metadata/labels"));
    }
    String port = monitor.at("/spec/endpoints/0/port").asText();
    boolean named = false;
    for (JsonNode p : service.at("/spec/ports")) {
      named |= p.path("name").asText().equals(port);
    }
    assertTrue(named, "the Service has a port named " + port);
  }
}
