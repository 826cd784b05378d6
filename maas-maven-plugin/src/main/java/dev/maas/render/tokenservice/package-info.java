/**
 * The generators of the MaaS API deployment (the token service): its objects, configuration and
 * limits.
 */
package dev.maas.render.tokenservice;
