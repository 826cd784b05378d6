package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names that begin a Service's name start with a letter, the gateway's among them. */
class ServiceNamesTest {

  /**
   * A gateway named `010` made the internal Gateway's Service `010-internal`, which Kubernetes
   * refuses.
   */
  @Test
  void aGatewayNameStartingWithADigitIsRefusedAtTheName() {
    assertEquals(
        List.of("service-names"), ReferenceSpec.codes("name: maas-gateway\n", "name: '010'\n"));
  }

  @Test
  void aGatewayNameStartingWithALetterPasses() {
    assertEquals(List.of(), ReferenceSpec.codes("name: maas-gateway\n", "name: g010\n"));
  }
}
