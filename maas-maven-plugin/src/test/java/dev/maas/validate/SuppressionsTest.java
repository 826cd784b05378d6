package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.rules.ReferenceSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.diagnostics.suppress}: a spec accepts a warning by code, at one place or everywhere,
 * with a reason.
 */
class SuppressionsTest {

  /** The reference spec's own warnings, as {@code code pointer}. */
  private static final List<String> WARNINGS =
      List.of(
          "token-limit-below-response /spec/tiers/0/limits/tokens/0",
          "in-memory-long-windows /spec/tiers/1/limits/tokens/1/window",
          "model-credentials /spec/models/1/uri",
          "model-credentials /spec/models/2/uri");

  private static SpecValidator.Outcome validate(String text) {
    return new SpecValidator().validate(text.getBytes(StandardCharsets.UTF_8), "spec.yaml");
  }

  private static SpecValidator.Outcome suppressing(String entries) {
    return validate(ReferenceSpec.TEXT + "  diagnostics:\n    suppress:\n" + entries.indent(4));
  }

  private static List<String> found(SpecValidator.Outcome outcome) {
    return outcome.diagnostics().stream().map(d -> d.code() + " " + d.pointer()).toList();
  }

  @Test
  void withoutSuppressionsTheReferenceSpecWarnsFourTimes() {
    assertEquals(WARNINGS, found(validate(ReferenceSpec.TEXT)));
  }

  @Test
  void aSuppressionAtOnePlaceAcceptsTheWarningThereOnly() {
    SpecValidator.Outcome outcome =
        suppressing(
            """
          - code: model-credentials
            at: /spec/models/1/uri
            reason: the cluster's storage initializer carries a read token for meta-llama
        """);
    assertEquals(List.of(WARNINGS.get(0), WARNINGS.get(1), WARNINGS.get(3)), found(outcome));
    assertNotNull(outcome.platform());
  }

  @Test
  void aSuppressionWithoutAPlaceAcceptsEveryWarningOfItsCode() {
    assertEquals(
        WARNINGS.subList(0, 2),
        found(
            suppressing(
                """
          - {code: model-credentials, reason: every model comes from a mirror inside the cluster}
        """)));
  }

  @Test
  void aPlaceAcceptsTheWarningsInsideIt() {
    assertEquals(
        List.of(WARNINGS.get(0), WARNINGS.get(2), WARNINGS.get(3)),
        found(
            suppressing(
                """
          - {code: in-memory-long-windows, at: /spec/tiers/1, reason: dev is a playground}
        """)));
  }

  @Test
  void aSuppressionThatMatchesNothingIsAWarningAtItself() {
    List<String> lines =
        suppressing(
                """
          - {code: model-credentials, at: /spec/models/0/uri, reason: granite is public}
        """)
            .diagnostics()
            .stream()
            .filter(d -> d.code().startsWith("suppression."))
            .map(Diagnostic::render)
            .toList();
    assertEquals(
        List.of(
            "spec.yaml:107:9: warning: /spec/diagnostics/suppress/0: no `model-credentials` warning is"
                + " found at /spec/models/0/uri, so this suppression accepts nothing (remove it) [suppression.unused]"),
        lines);
  }

  @Test
  void anErrorCannotBeSuppressed() {
    SpecValidator.Outcome outcome =
        suppressing(
            """
          - {code: unique-tier-names, reason: two free tiers on purpose}
        """);
    assertEquals(
        List.of(
            "spec.yaml:107:16: error: /spec/diagnostics/suppress/0/code: `unique-tier-names` is the code"
                + " of an error; only warnings can be suppressed (fix the error instead) [suppression.notSuppressible]"),
        outcome.diagnostics().stream().map(Diagnostic::render).toList());
    assertNull(outcome.platform());
  }

  @Test
  void aWarningOfTheOutputChecksCannotBeSuppressedInTheSpec() {
    assertEquals(
        List.of("suppression.notSuppressible /spec/diagnostics/suppress/0/code"),
        found(
            suppressing(
                """
          - {code: crd.deprecated, reason: the cluster still serves it}
        """)));
  }

  @Test
  void anUnknownCodeIsAnErrorWithTheNearestCode() {
    assertEquals(
        List.of(
            "spec.yaml:107:16: error: /spec/diagnostics/suppress/0/code: no diagnostic has the code"
                + " `model-credential` (did you mean `model-credentials`?) [suppression.unknownCode]"),
        suppressing(
                """
              - {code: model-credential, reason: the mirror needs none}
            """)
            .diagnostics()
            .stream()
            .map(Diagnostic::render)
            .toList());
  }

  @Test
  void aReasonIsRequiredAndNotBlank() {
    assertEquals(
        List.of("schema.required /spec/diagnostics/suppress/0"),
        found(
            suppressing(
                """
          - {code: model-credentials}
        """)));
    assertEquals(
        List.of("schema.pattern /spec/diagnostics/suppress/0/reason"),
        found(
            suppressing(
                """
          - {code: model-credentials, reason: "  "}
        """)));
  }

  @Test
  void anUnusedSuppressionIsNotReportedWhileTheSpecHasErrors() {
    SpecValidator.Outcome outcome =
        validate(
            ReferenceSpec.edit("- name: premium", "- name: free")
                + "  diagnostics:\n    suppress:\n      - {code: model-credentials, reason: mirrored}\n");
    assertEquals(List.of("unique-tier-names /spec/tiers/1/name"), found(outcome));
  }
}
