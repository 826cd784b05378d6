package dev.maas.tokenservice.state;

/**
 * What the service keeps of a token it issued: never the token itself, only what lists and revokes
 * it.
 *
 * @param jti the token's id
 * @param tier the tier it carries
 * @param iat when it was issued, epoch seconds
 * @param exp when it expires, epoch seconds
 * @param label the caller's name for it, or null
 */
public record IssuedToken(String jti, String tier, long iat, long exp, String label) {}
