package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostname labels are at most 63 characters and names at most 253. */
class HostnameLengthsTest {

  private static final String LONG_LABEL = "a".repeat(64);

  @Test
  void longGatewayLabelIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:11:15: error: /spec/gateway/hostname: the part `"
                + LONG_LABEL
                + "` of hostname `"
                + LONG_LABEL
                + ".example.com` has 64 characters; each dot-separated part of a DNS name has at most 63"
                + " (shorten that part to at most 63 characters) [hostname-lengths]"),
        ReferenceSpec.validateEdited(
            "hostname: maas.apps.example.com", "hostname: " + LONG_LABEL + ".example.com"));
  }

  @Test
  void longEnvironmentLabelIsReported() {
    assertEquals(
        List.of("hostname-lengths"),
        ReferenceSpec.codes(
            "hostname: maas.dev.example.com", "hostname: maas." + LONG_LABEL + ".com"));
  }

  @Test
  void sixtyThreeCharacterLabelPasses() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "hostname: maas.apps.example.com", "hostname: " + "a".repeat(63) + ".example.com"));
  }

  @Test
  void nameOverTwoHundredFiftyThreeIsReportedWhenTheSchemaIsBypassed() {
    String host = ("a".repeat(60) + ".").repeat(4) + "example.com";
    dev.maas.spec.SpecDocument document =
        new dev.maas.spec.SpecReader()
            .read(
                ReferenceSpec.edit("hostname: maas.apps.example.com", "hostname: " + host)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "spec.yaml")
            .document();
    List<String> lines =
        new HostnameLengths()
            .check(dev.maas.validate.PlatformBinder.bind(document), document).stream()
                .map(dev.maas.diag.Diagnostic::render)
                .toList();
    assertEquals(
        List.of(
            "spec.yaml:11:15: error: /spec/gateway/hostname: hostname has 255 characters; a DNS name has"
                + " at most 253 (use a shorter hostname) [hostname-lengths]"),
        lines);
  }
}
