package dev.maas.model;

/**
 * An environment's changes to one model.
 *
 * @param replicas fixed replicas in this environment
 * @param autoscaling scaling in this environment
 * @param resources resources in this environment (fields not set keep the model's)
 */
public record ModelOverride(Integer replicas, Autoscaling autoscaling, Resources resources) {}
