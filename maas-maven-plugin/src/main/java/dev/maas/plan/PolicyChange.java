package dev.maas.plan;

/**
 * One change of who can call what at what rate, in words.
 *
 * @param text e.g. {@code premium: tokens per 1m for llama-70b 20,000 → 40,000}
 * @param breaking whether a caller can be refused what it gets today (access lost, a limit lowered or added, a
 *     tier or model removed, members leaving a tier)
 */
public record PolicyChange(String text, boolean breaking) {}
