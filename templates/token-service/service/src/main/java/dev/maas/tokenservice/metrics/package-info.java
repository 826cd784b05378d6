/** Prometheus counters of what the API did, in the text exposition format. */
package dev.maas.tokenservice.metrics;
