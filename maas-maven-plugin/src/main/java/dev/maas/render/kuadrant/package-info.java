/** The generator of the Kuadrant instance and the Limitador that holds the rate-limit counters. */
package dev.maas.render.kuadrant;
