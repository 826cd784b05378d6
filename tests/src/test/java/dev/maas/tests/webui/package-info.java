/**
 * The self-service Web UI in a real browser, against the MaaS API run as its own process, with
 * stand-ins for the gateway and for Limitador's HTTP API it talks to.
 */
package dev.maas.tests.webui;
