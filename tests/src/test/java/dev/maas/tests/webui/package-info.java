/** The self-service Web UI in a real browser, against the MaaS API run as its own process. */
package dev.maas.tests.webui;
