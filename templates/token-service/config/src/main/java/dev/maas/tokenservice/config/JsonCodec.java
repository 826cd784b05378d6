package dev.maas.tokenservice.config;

import java.io.IOException;

/**
 * How one side writes and reads the config's records: the compiler and the service each bring their
 * own JSON mapper, so that this module stays on JDK types.
 */
public interface JsonCodec {

  /** {@code value} as the JSON text of a file. */
  String write(Object value);

  /** The record of {@code type} that {@code text} holds. */
  <T> T read(String text, Class<T> type) throws IOException;
}
