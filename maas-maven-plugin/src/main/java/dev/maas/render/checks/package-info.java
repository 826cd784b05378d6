/**
 * The render pipeline's read-only check stages (unique objects, provenance, Kuadrant windows): they
 * read the generated objects and change nothing.
 */
package dev.maas.render.checks;
