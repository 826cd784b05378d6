package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the plugin descriptor the build generated ({@code META-INF/maven/plugin.xml}). */
final class DescriptorXml {

  private DescriptorXml() {}

  /** The descriptor's root, {@code <plugin>}. */
  static Element plugin() throws Exception {
    try (InputStream in = DescriptorXml.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertNotNull(in, "the plugin descriptor is generated before the tests run");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    }
  }

  /** The {@code <mojo>} elements, one a goal. */
  static List<Element> mojos() throws Exception {
    return children(child(plugin(), "mojos"), "mojo");
  }

  /** The {@code <parameter>} elements of {@code mojo}. */
  static List<Element> parameters(Element mojo) {
    return children(child(mojo, "parameters"), "parameter");
  }

  /** The child elements of {@code parent} named {@code name}; none when {@code parent} is null. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent != null) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(name)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** The first child element of {@code parent} named {@code name}, or {@code null}. */
  static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The trimmed text of the child {@code name}, or empty. */
  static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
