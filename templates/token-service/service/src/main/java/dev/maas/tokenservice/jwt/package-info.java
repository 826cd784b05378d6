/**
 * ES256 JWTs through nimbus-jose-jwt: what the service signs and how it checks a token it is shown.
 */
package dev.maas.tokenservice.jwt;
