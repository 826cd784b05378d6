/**
 * The generators of the Kuadrant policies: AuthPolicy, RateLimitPolicy, TokenRateLimitPolicy and
 * TelemetryPolicy, with the CEL their predicates hold (escaped through {@code cel}).
 */
package dev.maas.render.policy;
