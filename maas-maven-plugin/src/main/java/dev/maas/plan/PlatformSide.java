package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.Catalog;
import dev.maas.check.proof.GatewayObjects;
import dev.maas.check.proof.MatrixBuilder;
import dev.maas.output.GeneratedTree;
import java.util.Map;

/**
 * One side of a plan: a platform's tree, the tiers and models its token-service config names, and
 * the access matrix its policies give.
 *
 * @param tree the files
 * @param catalog the token-service config, or {@code null} when the tree has none (nothing deployed
 *     yet)
 * @param matrix the access matrix, or {@code null} with no catalog
 */
public record PlatformSide(GeneratedTree tree, Catalog catalog, AccessMatrix matrix) {

  /** Reads a side from its tree, evaluating its policies. */
  public static PlatformSide of(GeneratedTree tree) {
    GatewayObjects objects = GatewayObjects.of(tree);
    Catalog catalog = Catalog.read(objects).orElse(null);
    return new PlatformSide(
        tree, catalog, catalog == null ? null : MatrixBuilder.build(objects, catalog));
  }

  /** The side with its windows as {@code spellings} (window length to text) writes them. */
  PlatformSide respelled(Map<Long, String> spellings) {
    return new PlatformSide(tree, catalog, WindowSpelling.respell(matrix, spellings));
  }

  /** Whether the side holds no platform at all. */
  public boolean isEmpty() {
    return tree.files().isEmpty();
  }
}
