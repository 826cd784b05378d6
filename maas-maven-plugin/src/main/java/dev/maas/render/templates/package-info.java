/** The Pebble templates the generators fill, loaded once from the class path. */
package dev.maas.render.templates;
