/**
 * The Kustomize layout of a platform: base, per-environment overlays and the hand-written overlays
 * layered in. May import {@code output} for the layout's names.
 */
package dev.maas.render.kustomize;
