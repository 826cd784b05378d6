/**
 * The generators of the KServe objects: inference services, their scaling and storage credentials.
 */
package dev.maas.render.kserve;
