package dev.maas.model;

/**
 * Compute resources of a model's pods (requests equal limits).
 *
 * @param cpu a CPU quantity, e.g. {@code "2"} or {@code 500m}
 * @param memory a memory quantity, e.g. {@code 24Gi}
 * @param gpus the number of GPUs ({@code nvidia.com/gpu})
 */
public record Resources(String cpu, String memory, Integer gpus) {

  /** Fills fields not set here from {@code base}. */
  public Resources over(Resources base) {
    if (base == null) {
      return this;
    }
    return new Resources(
        cpu != null ? cpu : base.cpu(),
        memory != null ? memory : base.memory(),
        gpus != null ? gpus : base.gpus());
  }
}
