/**
 * The generator of the Argo CD Applications that deploy each environment. May import {@code model}
 * and its parent's stage types.
 */
package dev.maas.render.argocd;
