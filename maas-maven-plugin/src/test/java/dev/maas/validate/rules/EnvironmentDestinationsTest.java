package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.model.Destination;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environments that would deploy to one destination are refused at the later one. */
class EnvironmentDestinationsTest {

  private static final String PROD =
      """
          - name: prod
      """;

  @Test
  void theReferenceSpecIsSafeByDefault() {
    assertEquals(List.of(), ReferenceSpec.validate(ReferenceSpec.TEXT));
  }

  @Test
  void twoEnvironmentsOnOneServerAreReportedAtTheSecond() {
    String text =
        ReferenceSpec.edit(
                "    - name: dev\n      gateway:",
                "    - name: dev\n      destination: {server: \"https://kubernetes.default.svc/\"}\n      gateway:")
            .replace(
                PROD,
                """
          - name: prod
            destination: {server: "https://kubernetes.default.svc"}
      """);
    assertEquals(
        List.of(
            "spec.yaml:97:20: error: /spec/environments/1/destination: environment `prod` deploys to"
                + " server https://kubernetes.default.svc, as environment `dev` does (/spec/environments/0/destination,"
                + " line 91); both would manage the same objects there and overwrite each other on every sync (give each"
                + " environment its own destination (server, name or clusterSelector), or drop `destination` from both to"
                + " use the Argo CD clusters named after the environments) [environment-destinations]"),
        ReferenceSpec.validate(text));
  }

  @Test
  void anExplicitNameMeetingAnotherEnvironmentsDefaultIsReported() {
    String text =
        ReferenceSpec.TEXT.replace(
            PROD,
            """
          - name: prod
            destination: {name: dev}
      """);
    List<String> found = ReferenceSpec.validate(text);
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found
            .get(0)
            .startsWith(
                "spec.yaml:96:20: error: /spec/environments/1/destination: environment `prod`"
                    + " deploys to cluster dev, as environment `dev` does (/spec/environments/0/name, line 90)"),
        found.get(0));
  }

  @Test
  void distinctServersAndNamesAreAccepted() {
    String text =
        ReferenceSpec.TEXT.replace(
            PROD,
            """
          - name: prod
            destination: {server: "https://prod.k8s.example.com"}
      """);
    assertEquals(List.of(), ReferenceSpec.validate(text));
  }

  @Test
  void fleetsCollideUnlessALabelTellsThemApart() {
    Destination eu = new Destination(null, null, Map.of("fleet", "eu"));
    Destination us = new Destination(null, null, Map.of("fleet", "us"));
    Destination gpu = new Destination(null, null, Map.of("gpu", "true"));
    assertFalse(EnvironmentDestinations.collide(eu, us));
    assertTrue(
        EnvironmentDestinations.collide(eu, gpu), "a cluster may carry fleet=eu and gpu=true");
    assertTrue(
        EnvironmentDestinations.collide(eu, new Destination(null, null, Map.of("fleet", "eu"))));
    assertFalse(
        EnvironmentDestinations.collide(eu, Destination.ofName("eu")),
        "not comparable before run time");
    assertTrue(
        EnvironmentDestinations.collide(
            Destination.ofServer("https://a/"), Destination.ofServer("https://a")));
  }

  @Test
  void bothOrNoneOfServerAndNameIsASchemaError() {
    String text =
        ReferenceSpec.TEXT.replace(
            PROD,
            """
          - name: prod
            destination: {server: "https://prod.k8s.example.com", name: prod}
      """);
    assertEquals(1, ReferenceSpec.validate(text).size(), ReferenceSpec.validate(text).toString());
  }
}
