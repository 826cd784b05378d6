package dev.maas.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.render.Manifests;
import java.util.Iterator;

/**
 * The RFC 6902 operations that turn one object into another, touching as little as possible: maps
 * are compared key by key, lists of equal length item by item, anything else is replaced whole.
 */
public final class JsonPatches {

  private JsonPatches() {}

  /** The operations from {@code from} to {@code to}; empty when they are equal. */
  public static ArrayNode diff(JsonNode from, JsonNode to) {
    ArrayNode ops = Manifests.list();
    diff("", from, to, ops);
    return ops;
  }

  private static void diff(String path, JsonNode from, JsonNode to, ArrayNode ops) {
    if (from.equals(to)) {
      return;
    }
    if (from.isObject() && to.isObject()) {
      for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!to.has(key)) {
          op(ops, "remove", path + "/" + escape(key), null);
        }
      }
      for (Iterator<String> it = to.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (from.has(key)) {
          diff(path + "/" + escape(key), from.get(key), to.get(key), ops);
        } else {
          op(ops, "add", path + "/" + escape(key), to.get(key));
        }
      }
    } else if (from.isArray() && to.isArray() && from.size() == to.size()) {
      for (int i = 0; i < from.size(); i++) {
        diff(path + "/" + i, from.get(i), to.get(i), ops);
      }
    } else {
      op(ops, "replace", path, to);
    }
  }

  private static void op(ArrayNode ops, String op, String path, JsonNode value) {
    ObjectNode o = ops.addObject();
    o.put("op", op);
    o.put("path", path);
    if (value != null) {
      o.set("value", value.deepCopy());
    }
  }

  /** A key as one JSON Pointer segment. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
