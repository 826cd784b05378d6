/**
 * The Git publication (floor 4): commits a platform's manifest tree to the GitOps repository with
 * JGit and pushes it, retrying on a newer tip, never forcing. May import {@code output} and {@code
 * diag} only.
 */
package dev.maas.publish;
