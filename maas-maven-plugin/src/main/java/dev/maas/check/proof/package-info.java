/**
 * The policy proof: a model of the runtimes (limit instances per route, URL paths, metered
 * endpoints, streams) that evaluates the generated policies and checks the access matrix the spec
 * asks for. Built from {@code model} and the runtimes' documented behaviour, never from {@code
 * render}.
 */
package dev.maas.check.proof;
