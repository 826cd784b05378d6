/**
 * What the service remembers: the tokens it issued (to list them) and what was revoked, bounded per
 * user, kept in a file or in a ConfigMap that every replica shares and merges.
 */
package dev.maas.tokenservice.state;
