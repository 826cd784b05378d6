package dev.maas.model;

/**
 * How vLLM splits an LLM over the GPUs of one replica.
 *
 * @param tensor GPUs each layer is split across
 * @param pipeline stages the layers are split into
 */
public record Parallelism(int tensor, int pipeline) {

  /** The GPUs a replica needs for this split. */
  public int gpus() {
    return tensor * pipeline;
  }
}
