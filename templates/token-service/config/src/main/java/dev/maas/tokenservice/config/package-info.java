/**
 * The token service's {@code config.json} as records: the compiler builds them from the platform
 * and writes them, the service reads the same records back, so the two sides cannot drift apart.
 */
package dev.maas.tokenservice.config;
