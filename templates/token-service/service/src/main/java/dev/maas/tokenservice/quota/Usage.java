package dev.maas.tokenservice.quota;

import dev.maas.tokenservice.config.LimitName;

/**
 * One window of one limit a caller meets, and what is left of it.
 *
 * @param name the limit, as the config names it
 * @param limit the limit as Limitador holds it: window, maximum, counter variables
 * @param remaining what the caller may still use in the window
 * @param resetsInSeconds when the window ends; {@code null} when nothing was counted in it yet
 */
public record Usage(LimitName name, Limit limit, long remaining, Long resetsInSeconds) {}
