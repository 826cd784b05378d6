/**
 * The {@code maas-crds} target: upstream Models-as-a-Service's own resources ({@code MaaSModelRef},
 * {@code MaaSSubscription}, {@code MaaSAuthPolicy}) in place of the gateway policies and the token
 * service, which upstream's controller and maas-api own on such a cluster.
 */
package dev.maas.render.maascrds;
