package dev.maas.tokenservice.config;

/**
 * One limit: at most {@code limit} requests or tokens per window; a limit of 0 denies.
 *
 * @param limit what the window allows
 * @param window the window as the spec writes it, e.g. {@code 1m}
 * @param seconds the window in seconds
 */
public record RateEntry(long limit, String window, long seconds) {}
