/**
 * Immutable records of the platform (floor 1): tiers, models, gateway, tokens, environments,
 * GitOps. Imports no other floor but {@code diag}.
 */
package dev.maas.model;
