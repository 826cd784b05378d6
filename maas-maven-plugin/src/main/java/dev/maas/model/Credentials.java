package dev.maas.model;

/**
 * What KServe downloads a model with, by reference: exactly one of the two is set.
 *
 * @param secretName a Secret in the model's namespace; maas writes a ServiceAccount that lists it
 * @param serviceAccountName an existing ServiceAccount whose secrets carry the credentials
 */
public record Credentials(String secretName, String serviceAccountName) {}
