/**
 * What is left of a caller's quota: Limitador's counters read over its HTTP API and matched to the
 * limits the platform's policies set.
 */
package dev.maas.tokenservice.quota;
