package dev.maas.tokenservice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The shared mapper: request bodies, config, state, the Kubernetes API and the audit log all go
 * through it.
 */
public final class Json {

  /** Deeper JSON is refused while it is read: no request needs more, and depth costs stack. */
  public static final int MAX_DEPTH = 64;

  /**
   * Bodies, config and state. Non-ASCII is written escaped so that an audit line stays one line
   * whatever a client's name holds (U+2028 and C1 controls included).
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(4 << 20)
                          .build())
                  .build())
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // The stored state is written in key order, so two writes of one state are the same
          // bytes.
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private Json() {}
}
