package org.accessline.gateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandleBandsTest {
  @Test
  void eachBandHoldsItsLowerEdgeAndNotItsUpper() {
    assertEquals(16, HandleBands.COUNT);
    assertEquals(0, HandleBands.band(0));
    assertEquals(0, HandleBands.band(29_999));
    assertEquals(1, HandleBands.band(30_000));
    assertEquals(2, HandleBands.band(60_000));
    assertEquals(8, HandleBands.band(450_000));
    assertEquals(11, HandleBands.band(1_200_000), "20 minutes");
    assertEquals(10, HandleBands.band(1_199_999));
    assertEquals(15, HandleBands.band(5_400_000));
    assertEquals(15, HandleBands.band(86_400_000L * 30), "the last band runs on");
  }

  @Test
  void aNegativeHandleTimeFallsInTheFirstBandAndNoneHasNoBand() {
    assertEquals(0, HandleBands.band(-5_000));
    assertNull(HandleBands.band(new RecordFacts("sms", "sms", null, null, List.of(), 0, 0L, null, null, 10L, true, 0, 0, false)));
    assertEquals(4, HandleBands.band(new RecordFacts("sms", "sms", "maria", null, List.of(), 0, 0L, 1_000L, null, 151_000L, false, 0, 0, false)));
  }

  @Test
  void theSqlCaseNamesEveryEdgeHighestFirst() {
    String sql = HandleBands.sqlCase("h");
    assertEquals("CASE WHEN h >= 5400000 THEN 15 WHEN h >= 3600000 THEN 14", sql.substring(0, sql.indexOf(" WHEN h >= 2700000")));
    assertEquals(" WHEN h >= 30000 THEN 1 ELSE 0 END", sql.substring(sql.indexOf(" WHEN h >= 30000 ")));
  }

  @Test
  void aRankIsFoundInItsBandWithItsRankThere() {
    long[] counts = new long[HandleBands.COUNT];
    counts[2] = 3;
    counts[5] = 4;
    counts[9] = 1;
    assertEquals(new HandleBands.Place(2, 1), HandleBands.locate(counts, 1));
    assertEquals(new HandleBands.Place(2, 3), HandleBands.locate(counts, 3));
    assertEquals(new HandleBands.Place(5, 1), HandleBands.locate(counts, 4));
    assertEquals(new HandleBands.Place(5, 4), HandleBands.locate(counts, 7));
    assertEquals(new HandleBands.Place(9, 1), HandleBands.locate(counts, 8));
    assertThrows(IllegalArgumentException.class, () -> HandleBands.locate(counts, 9), "beyond the records counted");
    assertThrows(IllegalArgumentException.class, () -> HandleBands.locate(new long[3], 1), "one count per band");
  }
}
