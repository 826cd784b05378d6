package dev.maas.tokenservice.jwt;

/**
 * The claims of one of the service's tokens that the API works with.
 *
 * @param jti the token's id
 * @param sub the user it was issued to
 * @param tier the tier it carries
 * @param iat when it was issued, epoch seconds
 * @param exp when it expires, epoch seconds
 */
public record TokenClaims(String jti, String sub, String tier, long iat, long exp) {}
