package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The persistent sorted map against {@link TreeMap}, and earlier versions left as they were. */
class RankedTest {
  @Property(tries = 200)
  void behavesAsASortedMapThatKnowsRanksAndKeepsEveryVersion(@ForAll long seed) {
    Random random = new Random(seed);
    Ranked<Integer, String> ranked = Ranked.empty(Comparator.naturalOrder());
    TreeMap<Integer, String> expected = new TreeMap<>();
    List<Ranked<Integer, String>> versions = new ArrayList<>();
    List<TreeMap<Integer, String>> snapshots = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      int key = random.nextInt(100);
      if (random.nextInt(3) == 0) {
        ranked = ranked.remove(key);
        expected.remove(key);
      } else {
        String value = "v" + random.nextInt(5);
        ranked = ranked.put(key, value);
        expected.put(key, value);
      }
      versions.add(ranked);
      snapshots.add(new TreeMap<>(expected));
      assertEquals(expected.size(), ranked.size());
      int probe = random.nextInt(100);
      assertEquals(expected.headMap(probe).size(), ranked.rank(probe));
      assertEquals(expected.get(probe), ranked.get(probe));
      int from = expected.isEmpty() ? 0 : random.nextInt(expected.size());
      assertEquals(new ArrayList<>(expected.entrySet()).subList(from, expected.size()), list(ranked.from(from)));
      assertEquals(expected.isEmpty() ? null : expected.firstKey(), ranked.first());
    }
    for (int i = 0; i < versions.size(); i++) assertEquals(new ArrayList<>(snapshots.get(i).entrySet()), list(versions.get(i).iterator()));
  }

  private static List<Map.Entry<Integer, String>> list(Iterator<Map.Entry<Integer, String>> it) {
    List<Map.Entry<Integer, String>> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
