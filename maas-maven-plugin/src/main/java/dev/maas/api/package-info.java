/**
 * The compiler's one entry point (floor 5): one compilation (parse, validate, bind, render, check,
 * once) and its outputs: generate (the writer), plan, explain and publish. Plain Java types in,
 * results with diagnostics out. May import every floor below it; only the front ends ({@code
 * plugin}, {@code cli}) import it.
 */
package dev.maas.api;
