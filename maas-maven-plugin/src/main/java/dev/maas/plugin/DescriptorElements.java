package dev.maas.plugin;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The child elements of the plugin descriptor ({@code META-INF/maven/plugin.xml}), by name. */
public final class DescriptorElements {

  private DescriptorElements() {}

  /** The first child of {@code parent} named {@code name}, or null (also when parent is null). */
  public static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The children of {@code parent} named {@code name}, in order; none when parent is null. */
  public static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The trimmed text of {@code parent}'s child {@code name}, or null when it has none. */
  public static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
