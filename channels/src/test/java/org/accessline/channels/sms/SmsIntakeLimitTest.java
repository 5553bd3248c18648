package org.accessline.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsIntakeLimitTest {
  private final SmsIntakeLimit limit = new SmsIntakeLimit(new SmsSettings(Duration.ofSeconds(15), 3, 6));

  @Test
  void aBurstThenTheSteadyRateAndTheResidentIsToldOnceAMinute() {
    for (int i = 0; i < 3; i++) assertEquals(new SmsIntakeLimit.Take(), limit.check("+15551230001", 0));
    assertEquals(new SmsIntakeLimit.Refuse(true), limit.check("+15551230001", 0));
    assertEquals(new SmsIntakeLimit.Refuse(false), limit.check("+15551230001", 1_000));
    assertEquals(new SmsIntakeLimit.Take(), limit.check("+15551230001", 10_000), "six a minute: one every ten seconds");
    assertEquals(new SmsIntakeLimit.Refuse(false), limit.check("+15551230001", 10_001));
    SmsIntakeLimit.Verdict v;
    do {
      v = limit.check("+15551230001", 60_000);
    } while (v instanceof SmsIntakeLimit.Take);
    assertEquals(new SmsIntakeLimit.Refuse(true), v, "a minute after the last telling, the resident is told again");
    assertEquals(new SmsIntakeLimit.Refuse(false), limit.check("+15551230001", 60_000));
  }

  @Test
  void aLongQuietSpellRefillsTheBurstAndNoMore() {
    for (int i = 0; i < 3; i++) limit.check("+15551230001", 0);
    long dayLater = 86_400_000L;
    for (int i = 0; i < 3; i++) assertEquals(new SmsIntakeLimit.Take(), limit.check("+15551230001", dayLater), "text " + (i + 1) + " after a day");
    assertEquals(new SmsIntakeLimit.Refuse(true), limit.check("+15551230001", dayLater));
  }

  @Test
  void numbersAreCountedApart() {
    for (int i = 0; i < 3; i++) limit.check("+15551230001", 0);
    assertEquals(new SmsIntakeLimit.Take(), limit.check("+15551230002", 0));
  }

  @Test
  void aClockThatStepsBackGivesNothingExtra() {
    for (int i = 0; i < 3; i++) limit.check("+15551230001", 100_000);
    assertEquals(new SmsIntakeLimit.Refuse(true), limit.check("+15551230001", 50_000));
  }
}
