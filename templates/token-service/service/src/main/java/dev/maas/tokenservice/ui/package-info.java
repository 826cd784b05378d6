/**
 * The self-service Web UI: static pages from the module's resources, which call the API from the
 * browser.
 */
package dev.maas.tokenservice.ui;
