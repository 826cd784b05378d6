package dev.maas.tokenservice.config;

import java.util.Objects;

/**
 * A model shard as {@code config.json} names it, so that the service can tell a missing, stale or
 * foreign shard from the right one before it serves a smaller catalogue.
 *
 * @param file the shard's file name, {@code models-<n>.json}, numbered from 1 in catalogue order
 * @param models how many models the shard holds
 * @param sha256 the SHA-256 of the shard file's UTF-8 bytes, lower-case hex
 */
public record ShardRef(String file, int models, String sha256) {

  public ShardRef {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }
}
