/**
 * A compiling {@code generate} in a JVM of its own, tuned for a run of seconds: the parent's side
 * that starts it and reads its answer, the child's entry point, and the frames both exchange over
 * the child's standard input and output. Imports nothing of Maven, so the child never needs it; the
 * goal relays the answer into Maven's log itself.
 */
package dev.maas.plugin.fork;
