package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.plugin.fork.ForkedJvm;

/**
 * One generate: what to compile, and the JVM a compiling run forks to.
 *
 * @param request what the compiler is asked
 * @param fork the JVM that compiles when the inputs changed, or {@code null} to compile in Maven's
 */
record Generation(GenerateRequest request, ForkedJvm fork) {}
