/**
 * What the service remembers: the tokens it issued (to list them), what was revoked and the API
 * keys' hashes, bounded per user, kept as one record per store object (a ConfigMap each, or a Redis
 * key each, shared by every replica and merged on conflict) or in a file outside a cluster.
 */
package dev.maas.tokenservice.state;
