package dev.maas.model;

/**
 * The platform's Gateway.
 *
 * @param name the Gateway's name
 * @param namespace its namespace
 * @param className the GatewayClass
 * @param hostname the public hostname (environments may override it)
 * @param tlsSecretName the Secret holding the TLS certificate (a reference only)
 */
public record Gateway(
    String name, String namespace, String className, String hostname, String tlsSecretName) {}
