package dev.maas.tokenservice.api;

import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.jwt.InvalidTokenException;
import dev.maas.tokenservice.jwt.TokenClaims;
import dev.maas.tokenservice.jwt.TokenVerifier;
import dev.maas.tokenservice.state.TokenLedger;

/** A token checked completely: signature and claims, a tier that still exists, and not revoked. */
record TokenCheck(TokenVerifier verifier, ServiceConfig config, TokenLedger ledger) {

  TokenClaims check(String token) throws InvalidTokenException {
    TokenClaims claims = verifier.verify(token);
    if (config.tier(claims.tier()).isEmpty()) {
      throw new InvalidTokenException("the token names a tier that no longer exists");
    }
    if (ledger.isRevoked(claims.jti(), claims.sub(), claims.iat())) {
      throw new InvalidTokenException("the token has been revoked");
    }
    return claims;
  }
}
