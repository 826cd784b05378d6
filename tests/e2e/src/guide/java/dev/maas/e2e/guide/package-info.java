/**
 * The commands of docs/install.md as the cluster test runs them, and the outcome each cluster step
 * must have; compiled into the e2e module and into the tests module, whose default build checks
 * that every cluster step of the page has its outcome here.
 */
package dev.maas.e2e.guide;
