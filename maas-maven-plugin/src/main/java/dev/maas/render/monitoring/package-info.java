/** The generators of the monitoring objects: ServiceMonitors, alert rules and the dashboard. */
package dev.maas.render.monitoring;
