/**
 * Signing keys from the mounted Secret: each file a PKCS#8 P-256 private key with its public key
 * beside it, read by the JDK and checked as a pair with nimbus; the highest file name signs, every
 * key is published.
 */
package dev.maas.tokenservice.keys;
