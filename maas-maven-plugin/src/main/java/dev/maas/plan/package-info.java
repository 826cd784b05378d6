/**
 * The plan of a change (floor 4): the report of who can call what at what rate before and after,
 * the changes in words, each object's diff, and the explanation of one tier and model. Reads the
 * proof's access matrix from {@code check}, the object diff from {@code output}; never imports
 * {@code publish} or {@code render}.
 */
package dev.maas.plan;
