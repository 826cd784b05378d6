package dev.maas.tokenservice.quota;

import dev.maas.tokenservice.config.LimitEntry;

/**
 * What is left of one rate of one limit for one caller.
 *
 * @param limit the limit as the config names it
 * @param remaining what the caller may still use in the window
 * @param resetsInSeconds when the window ends; {@code null} when nothing was counted in it yet
 */
public record Usage(LimitEntry limit, long remaining, Long resetsInSeconds) {}
