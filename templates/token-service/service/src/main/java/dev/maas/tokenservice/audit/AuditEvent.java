package dev.maas.tokenservice.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One audited action.
 *
 * @param time ISO-8601 instant
 * @param event {@code issue}, {@code revoke}, {@code revoke_all}, {@code api_key_issue}, {@code
 *     api_key_revoke} or {@code denied}
 * @param user who asked, as the gateway named them, or null
 * @param tier the tier involved, or null
 * @param jti the token involved, or null
 * @param keyId the API key involved (its id, never the key), or null
 * @param outcome {@code issued}, {@code revoked}, or the reason of a refusal
 * @param status the HTTP status answered
 * @param path the request path, for refusals
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
    String time,
    String event,
    String user,
    String tier,
    String jti,
    String keyId,
    String outcome,
    int status,
    String path) {}
