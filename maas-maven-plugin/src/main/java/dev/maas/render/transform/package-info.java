/**
 * The render pipeline's transformer stages: sync waves and provenance annotations on every object.
 */
package dev.maas.render.transform;
