/**
 * Text that comes from clients: lifetimes parsed without regular expressions, and log-safe
 * escaping.
 */
package dev.maas.tokenservice.text;
