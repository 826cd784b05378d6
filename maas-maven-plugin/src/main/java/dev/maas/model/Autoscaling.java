package dev.maas.model;

/**
 * Scaling on demand.
 *
 * @param minReplicas the fewest replicas (0 allows scale to zero)
 * @param maxReplicas the most replicas
 * @param metric one of KServe's: concurrency, rps, cpu, memory
 * @param target the metric's target value per replica
 */
public record Autoscaling(int minReplicas, int maxReplicas, String metric, int target) {}
