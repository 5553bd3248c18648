package org.accessline.gateway.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplingTest {
  private static List<String> records(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
  }

  @Test
  void everyAgentGetsTheSameNumberOrAllTheyHandled() {
    Map<String, List<String>> picks = Sampling.pick("key", "2026-W48", Map.of("maria", records("m", 40), "ken", records("k", 2), "idle", List.of()), 5);
    assertEquals(5, picks.get("maria").size());
    assertEquals(2, picks.get("ken").size());
    assertEquals(List.of(), picks.get("idle"));
    assertTrue(records("m", 40).containsAll(picks.get("maria")), "only the agent's own records");
  }

  @Test
  void theSameInputsPickTheSameRecordsInAnyOrder() {
    List<String> shuffled = new ArrayList<>(records("m", 50));
    Collections.shuffle(shuffled, new java.util.Random(7));
    Map<String, List<String>> a = Sampling.pick("key", "2026-W48", Map.of("maria", records("m", 50)), 4);
    Map<String, List<String>> b = Sampling.pick("key", "2026-W48", new LinkedHashMap<>(Map.of("maria", shuffled)), 4);
    assertEquals(a, b);
    assertNotEquals(a, Sampling.pick("key", "2026-W49", Map.of("maria", records("m", 50)), 4), "another week, other picks");
    assertNotEquals(a, Sampling.pick("other key", "2026-W48", Map.of("maria", records("m", 50)), 4), "the key decides: agents without it cannot foresee picks");
  }

  @Test
  void everyRecordHasAboutTheSameChance() {
    Map<String, Integer> counts = new HashMap<>();
    int weeks = 4000;
    for (int w = 0; w < weeks; w++) {
      for (String r : Sampling.pick("key", "week-" + w, Map.of("maria", records("m", 10)), 2).get("maria")) counts.merge(r, 1, Integer::sum);
    }
    // each record is expected 800 times (2 of 10 over 4000 weeks); a fair pick stays well inside +-15%
    for (String r : records("m", 10)) assertTrue(Math.abs(counts.getOrDefault(r, 0) - 800) < 120, r + " picked " + counts.get(r));
  }

  @Test
  void aRecordListedTwiceCountsOnceAndZeroPicksNothing() {
    assertEquals(List.of("m-1"), Sampling.pick("key", "w", Map.of("maria", List.of("m-1", "m-1")), 3).get("maria"));
    assertEquals(List.of(), Sampling.pick("key", "w", Map.of("maria", records("m", 3)), 0).get("maria"));
  }
}
