package org.accessline.web.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.EntryJson;

/**
 * The arguments and answers of the stream's ports as JSON, so a call made on one node can be carried
 * out on the node that owns the conversations. Driven by the declared types of the ports' methods:
 * records field by field, lists, sets, maps and optionals by their element types, entries as the
 * store writes them. A type it does not know fails loudly rather than crossing the wire wrong.
 */
final class PortsJson {
  private PortsJson() {}

  static Object encode(Type type, Object value) {
    if (value == null) return null;
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      Optional<?> o = (Optional<?>) value;
      return o.map(v -> new JsonArray().add(encode(argument(type, 0), v))).orElseGet(JsonArray::new);
    }
    if (raw == List.class || raw == Set.class) {
      JsonArray out = new JsonArray();
      for (Object v : (Iterable<?>) value) out.add(encode(argument(type, 0), v));
      return out;
    }
    if (raw == Map.class) {
      JsonArray out = new JsonArray();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.add(new JsonArray().add(encode(argument(type, 0), e.getKey())).add(encode(argument(type, 1), e.getValue())));
      }
      return out;
    }
    if (raw == String.class || raw == Boolean.class || raw == boolean.class || raw == Integer.class || raw == int.class || raw == Long.class
        || raw == long.class || raw == Double.class || raw == double.class) {
      return value;
    }
    if (raw == Instant.class) return ((Instant) value).toEpochMilli();
    if (raw == Duration.class) return ((Duration) value).toMillis();
    if (raw == LocalDate.class) return value.toString();
    if (raw.isEnum()) return ((Enum<?>) value).name();
    if (raw == Entry.class) return EntryJson.toJson((Entry) value);
    if (raw.isRecord()) {
      JsonObject out = new JsonObject();
      for (RecordComponent c : raw.getRecordComponents()) {
        try {
          out.put(c.getName(), encode(c.getGenericType(), c.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + raw.getSimpleName() + "." + c.getName(), e);
        }
      }
      return out;
    }
    throw new IllegalArgumentException("no JSON form for " + type.getTypeName());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object decode(Type type, Object json) {
    Class<?> raw = raw(type);
    if (json == null) return raw == Optional.class ? Optional.empty() : null;
    if (raw == Optional.class) {
      JsonArray a = (JsonArray) json;
      return a.isEmpty() ? Optional.empty() : Optional.of(decode(argument(type, 0), a.getValue(0)));
    }
    if (raw == List.class) {
      List<Object> out = new ArrayList<>();
      for (Object v : (JsonArray) json) out.add(decode(argument(type, 0), v));
      return List.copyOf(out);
    }
    if (raw == Set.class) {
      Set<Object> out = new HashSet<>();
      for (Object v : (JsonArray) json) out.add(decode(argument(type, 0), v));
      return Set.copyOf(out);
    }
    if (raw == Map.class) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object pair : (JsonArray) json) {
        JsonArray kv = (JsonArray) pair;
        out.put(decode(argument(type, 0), kv.getValue(0)), decode(argument(type, 1), kv.getValue(1)));
      }
      return out;
    }
    if (raw == String.class || raw == Boolean.class || raw == boolean.class) return json;
    if (raw == Integer.class || raw == int.class) return ((Number) json).intValue();
    if (raw == Long.class || raw == long.class) return ((Number) json).longValue();
    if (raw == Double.class || raw == double.class) return ((Number) json).doubleValue();
    if (raw == Instant.class) return Instant.ofEpochMilli(((Number) json).longValue());
    if (raw == Duration.class) return Duration.ofMillis(((Number) json).longValue());
    if (raw == LocalDate.class) return LocalDate.parse((String) json);
    if (raw.isEnum()) return Enum.valueOf((Class) raw, (String) json);
    if (raw == Entry.class) return EntryJson.fromJson((JsonObject) json);
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      JsonObject object = (JsonObject) json;
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = decode(components[i].getGenericType(), object.getValue(components[i].getName()));
      }
      try {
        Constructor<?> canonical = raw.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot rebuild " + raw.getSimpleName() + " from JSON", e);
      }
    }
    throw new IllegalArgumentException("no JSON form for " + type.getTypeName());
  }

  /** Whether values of {@code type} can cross the wire: checked for every port method by a test, so a new one cannot slip through. */
  static boolean knows(Type type) {
    if (!(type instanceof Class<?>) && !(type instanceof ParameterizedType)) return false;
    Class<?> raw = raw(type);
    if (raw == Optional.class || raw == List.class || raw == Set.class) return knows(argument(type, 0));
    if (raw == Map.class) return knows(argument(type, 0)) && knows(argument(type, 1));
    if (raw == String.class || raw == Boolean.class || raw == boolean.class || raw == Integer.class || raw == int.class || raw == Long.class
        || raw == long.class || raw == Double.class || raw == double.class || raw == Instant.class || raw == Duration.class || raw == LocalDate.class || raw == Void.class || raw.isEnum()
        || raw == Entry.class) {
      return true;
    }
    if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) if (!knows(c.getGenericType())) return false;
      return true;
    }
    return false;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    throw new IllegalArgumentException("no JSON form for " + type.getTypeName());
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) return p.getActualTypeArguments()[index];
    throw new IllegalArgumentException(type.getTypeName() + " needs its element types");
  }
}
