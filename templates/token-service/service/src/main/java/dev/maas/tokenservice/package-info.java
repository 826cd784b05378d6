/**
 * The MaaS API's entry point: reads the environment, wires the parts together and starts the two
 * servers.
 */
package dev.maas.tokenservice;
