package org.accessline.gateway.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Guards the samples of a sealed interface of records: one for every permitted subtype, and for each
 * optional or collection field a sample with it present and one with it absent or empty, so a new
 * subtype or field cannot go untested through the JSON mapping or the codec.
 */
public final class SampleCoverage {
  private SampleCoverage() {}

  public static void assertCovers(Class<?> sealed, Collection<?> samples) {
    Set<String> permitted = Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    Set<String> sampled = samples.stream().map(s -> s.getClass().getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(permitted, sampled, "every permitted " + sealed.getSimpleName() + " needs a sample here");
    for (Class<?> type : sealed.getPermittedSubclasses()) {
      assertTrue(type.isRecord(), type.getSimpleName() + " should be a record");
      for (RecordComponent field : type.getRecordComponents()) {
        if (!isOptionalOrCollection(field.getType())) continue;
        List<Object> values = samples.stream().filter(type::isInstance).map(s -> read(field, s)).toList();
        String name = type.getSimpleName() + "." + field.getName();
        assertTrue(values.stream().anyMatch(SampleCoverage::filled), name + " needs a sample where it is present");
        assertTrue(values.stream().anyMatch(v -> !filled(v)), name + " needs a sample where it is absent or empty");
      }
    }
  }

  private static boolean isOptionalOrCollection(Class<?> type) {
    return Optional.class.equals(type) || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
  }

  private static boolean filled(Object value) {
    if (value instanceof Optional<?> o) return o.isPresent();
    if (value instanceof Collection<?> c) return !c.isEmpty();
    return !((Map<?, ?>) value).isEmpty();
  }

  private static Object read(RecordComponent field, Object record) {
    try {
      return field.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + field.getName(), e);
    }
  }
}
