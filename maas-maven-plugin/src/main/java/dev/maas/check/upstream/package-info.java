/**
 * The proof of the {@code maas-crds} target: the access matrix and limits upstream MaaS's maas-api
 * and controller derive from MaaSSubscription, MaaSAuthPolicy and MaaSModelRef, checked against the
 * spec and against the {@code kuadrant} target's matrix, tier by model.
 */
package dev.maas.check.upstream;
