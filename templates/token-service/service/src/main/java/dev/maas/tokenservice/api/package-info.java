/**
 * The endpoints of the MaaS API and the route table that names them; {@code openapi.json} describes
 * the same table.
 */
package dev.maas.tokenservice.api;
