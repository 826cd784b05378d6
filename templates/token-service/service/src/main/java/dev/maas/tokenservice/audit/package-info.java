/**
 * The audit trail: one JSON line per issue, revoke and refusal, naming who and what but never a
 * token.
 */
package dev.maas.tokenservice.audit;
