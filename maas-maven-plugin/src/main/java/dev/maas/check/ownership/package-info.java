/**
 * Read-only checks of who manages what: from the output alone (the Argo CD objects and the overlays
 * they read), no object may be managed by two Applications on one destination.
 */
package dev.maas.check.ownership;
