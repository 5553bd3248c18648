package org.accessline.channels.sms;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers whose opt-out is being recorded right now. The text saying stop is stored first and the
 * consent right after it; a text the center sends in between (the place-in-line message its first
 * text set off) must not slip out. The stream withholds replies once the consent entry is written,
 * so the sender checks here for the moment before it.
 */
public final class OptingOut {
  private final Set<String> numbers = ConcurrentHashMap.newKeySet();

  void begin(String number) {
    numbers.add(number);
  }

  void end(String number) {
    numbers.remove(number);
  }

  boolean contains(String number) {
    return numbers.contains(number);
  }
}
