package dev.maas.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads objects into fabric8's typed Kubernetes models, strictly: a field the model does not know
 * is a problem, as the API server would drop it.
 *
 * <p>fabric8 models keep unknown fields in an "any setter" map, which would hide them; this reader
 * turns that off so that every unknown field is reported with its path.
 */
final class StrictModels {

  /**
   * What is wrong at one place: {@code path} in Kubernetes' dotted form, relative to the read node.
   */
  record Problem(String path, String message) {}

  /** The typed value, or {@code null} when the node could not be read, and every problem found. */
  record Read<T>(T value, List<Problem> problems) {}

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .annotationIntrospector(
              new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                  return Boolean.FALSE;
                }

                @Override
                public boolean hasAnySetterAnnotation(AnnotatedMethod am) {
                  return false;
                }
              })
          .build();

  private StrictModels() {}

  /** Reads {@code node} as {@code type}. */
  static <T> Read<T> read(JsonNode node, Class<T> type) {
    List<Problem> problems = new ArrayList<>();
    DeserializationProblemHandler unknown =
        new DeserializationProblemHandler() {
          @Override
          public boolean handleUnknownProperty(
              DeserializationContext ctxt,
              JsonParser p,
              JsonDeserializer<?> deserializer,
              Object beanOrClass,
              String propertyName)
              throws IOException {
            problems.add(
                new Problem(
                    path(p.getParsingContext()),
                    "field `"
                        + propertyName
                        + "` is not part of "
                        + simpleName(beanOrClass)
                        + "; the API server would drop it"));
            p.skipChildren();
            return true;
          }
        };
    try {
      T value = MAPPER.readerFor(type).withHandler(unknown).readValue(node);
      return new Read<>(value, problems);
    } catch (MismatchedInputException e) {
      problems.add(
          new Problem(path(e.getPath()), "must be of type " + jsonType(e.getTargetType())));
    } catch (IOException | IllegalArgumentException e) {
      String message =
          e instanceof JsonMappingException m ? m.getOriginalMessage() : e.getMessage();
      problems.add(
          new Problem(e instanceof JsonMappingException m ? path(m.getPath()) : "", message));
    }
    return new Read<>(null, problems);
  }

  private static String simpleName(Object beanOrClass) {
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
    return type.getSimpleName();
  }

  private static String jsonType(Class<?> type) {
    if (type == null) {
      return "another type";
    } else if (type == String.class) {
      return "string";
    } else if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    } else if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class) {
      return "integer";
    } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    } else if (Map.class.isAssignableFrom(type)) {
      return "object";
    }
    return "object (" + type.getSimpleName() + ")";
  }

  private static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      JsonStreamContext parent = c.getParent();
      if (parent != null && parent.inArray()) {
        parts.addFirst("[" + parent.getCurrentIndex() + "]");
      } else if (parent != null && parent.getCurrentName() != null) {
        parts.addFirst("." + parent.getCurrentName());
      }
    }
    return strip(String.join("", parts));
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        out.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return strip(out.toString());
  }

  private static String strip(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
