/**
 * The generators of the gateway's access logs: the Istio Telemetry that turns them on, the mesh
 * provider it names, and the OpenTelemetry Collector that ships them to the log store.
 */
package dev.maas.render.logs;
