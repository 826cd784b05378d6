package dev.maas.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known-bad objects fail with the exact message a user would read. */
class InvalidObjectsTest {

  private static final String RLP =
      """
      apiVersion: kuadrant.io/v1
      kind: RateLimitPolicy
      metadata: {name: acme-request-limits, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
      """;

  @Test
  void dayWindowBreaksThePattern() {
    assertEquals(
        List.of(
            "obj.yaml: error: RateLimitPolicy/gateway-system/acme-request-limits spec.limits[free].rates[0].window: "
                + "\"1d\" does not match the pattern ^([0-9]{1,5}(h|m|s|ms)){1,4}$"),
        Crds.check(RLP + "  limits: {free: {rates: [{limit: 5, window: 1d}]}}\n"));
  }

  @Test
  void limitsAndDefaultsTogetherBreakACelRule() {
    assertEquals(
        List.of(
            "obj.yaml: error: RateLimitPolicy/gateway-system/acme-request-limits spec: "
                + "Implicit and explicit defaults are mutually exclusive"),
        Crds.check(
            RLP
                + """
              limits: {free: {rates: [{limit: 5, window: 1m}]}}
              defaults: {limits: {all: {rates: [{limit: 50, window: 1m}]}}}
            """));
  }

  @Test
  void authPolicyCannotTargetAService() {
    assertEquals(
        List.of(
            "obj.yaml: error: AuthPolicy/llm/granite-auth spec.targetRef: "
                + "Invalid targetRef.kind. The only supported values are 'HTTPRoute', 'GRPCRoute', and 'Gateway'"),
        Crds.check(Crds.AUTH_POLICY_ON_A_SERVICE));
  }

  private static String gatewayWithTls(String tls) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: maas-gateway, namespace: gateway-system}
        spec:
          gatewayClassName: istio
          listeners:
          - {name: https, port: 443, protocol: HTTPS, tls: %s}
        """
        .formatted(tls);
  }

  @Test
  void httpsListenerNeedsCertificatesOnceModeDefaultsToTerminate() {
    // tls.mode defaults to Terminate: the rule only fails once defaults are applied, as on the API
    // server.
    assertEquals(
        List.of(
            "obj.yaml: error: Gateway/gateway-system/maas-gateway spec.listeners[0].tls: "
                + "certificateRefs or options must be specified when mode is Terminate "
                + "(the rule could not be evaluated: key 'certificateRefs' is not present in map.)"),
        Crds.check(gatewayWithTls("{}")));
    assertEquals(
        List.of(
            "obj.yaml: error: Gateway/gateway-system/maas-gateway spec.listeners: "
                + "tls mode must be Terminate for protocol HTTPS"),
        Crds.check(gatewayWithTls("{mode: Passthrough}")));
  }

  @Test
  void unknownFieldWouldBeDropped() {
    assertEquals(
        List.of(
            "obj.yaml: error: RateLimitPolicy/gateway-system/acme-request-limits spec.limits[free]: "
                + "field `rate` is not in the CRD schema of RateLimitPolicy; the API server would drop it (did you mean `rates`?)"),
        Crds.check(RLP + "  limits: {free: {rates: [{limit: 5, window: 1m}], rate: 3}}\n"));
  }

  @Test
  void missingRequiredField() {
    assertEquals(
        List.of(
            "obj.yaml: error: RateLimitPolicy/gateway-system/acme-request-limits spec.limits[free].rates[0]: "
                + "required field `window` is missing"),
        Crds.check(RLP + "  limits: {free: {rates: [{limit: 5}]}}\n"));
  }

  @Test
  void wrongType() {
    assertEquals(
        List.of(
            "obj.yaml: error: RateLimitPolicy/gateway-system/acme-request-limits spec.limits[free].rates[0].limit: "
                + "must be of type integer, not string"),
        Crds.check(RLP + "  limits: {free: {rates: [{limit: 'five', window: 1m}]}}\n"));
  }

  @Test
  void kindWithoutCrd() {
    assertEquals(
        List.of(
            "obj.yaml: error: MaaSTier/maas/free: no CRD defines MaaSTier in maas.opendatahub.io "
                + "and it is not a built-in kind this checker knows"),
        Crds.check(
            """
            apiVersion: maas.opendatahub.io/v1alpha1
            kind: MaaSTier
            metadata: {name: free, namespace: maas}
            """));
  }

  @Test
  void versionMustBeServed() {
    assertEquals(
        List.of(
            "obj.yaml: error: RateLimitPolicy/gateway-system/acme-request-limits apiVersion: "
                + "version v1beta3 is not in the CRD of RateLimitPolicy (served: v1)"),
        Crds.check(RLP.replace("kuadrant.io/v1", "kuadrant.io/v1beta3")));
  }

  @Test
  void builtInKindAtAnotherVersionIsNamed() {
    assertEquals(
        List.of(
            "obj.yaml: error: HorizontalPodAutoscaler/maas/x: no CRD defines HorizontalPodAutoscaler in autoscaling "
                + "and it is not a built-in kind this checker knows (built-in HorizontalPodAutoscaler is checked as apiVersion autoscaling/v2)"),
        Crds.check(
            "{apiVersion: autoscaling/v1, kind: HorizontalPodAutoscaler, metadata: {name: x, namespace: maas}}"));
  }

  @Test
  void reservedWordPropertiesAreEscapedForRules() {
    // Gateway API's parentRefs rules read p1.__namespace__: the same gateway name in two namespaces
    // is two parents.
    assertEquals(
        List.of(),
        Crds.check(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: llm}
        spec:
          parentRefs: [{name: gw, namespace: gateway-system}, {name: gw, namespace: other}]
        """));
    assertEquals(
        List.of(
            "obj.yaml: error: HTTPRoute/llm/r spec.parentRefs: "
                + "sectionName must be unique when parentRefs includes 2 or more references to the same parent"),
        Crds.check(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: llm}
        spec:
          parentRefs: [{name: gw, namespace: gateway-system}, {name: gw, namespace: gateway-system}]
        """));
  }
}
