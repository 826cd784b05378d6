package dev.maas.tokenservice.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.maas.tokenservice.config.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The config's files read, and written by tests, through the shared mapper. */
public final class ConfigCodec implements JsonCodec {

  /** The one instance: it holds no state. */
  public static final ConfigCodec INSTANCE = new ConfigCodec();

  private ConfigCodec() {}

  @Override
  public String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> T read(String text, Class<T> type) throws IOException {
    return Json.MAPPER.readValue(text, type);
  }
}
