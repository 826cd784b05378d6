package dev.maas.render.templates;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the Pebble templates packaged under {@code /dev/maas/templates/} (the repository's {@code
 * templates/}).
 */
public final class Templates {

  private static final PebbleEngine ENGINE =
      new PebbleEngine.Builder()
          .loader(loader())
          .autoEscaping(false)
          .strictVariables(true)
          .newLineTrimming(true)
          .defaultLocale(Locale.ROOT)
          .build();

  private Templates() {}

  private static ClasspathLoader loader() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("dev/maas/templates");
    return loader;
  }

  /** The text of template {@code name} (a path under {@code templates/}) with {@code context}. */
  public static String render(String name, Map<String, Object> context) {
    PebbleTemplate template = ENGINE.getTemplate(name);
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, context, Locale.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
