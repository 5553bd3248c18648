package org.accessline.gateway.directory;

import java.util.Optional;

/** How a resident reaches a service: voice phone, TTY, video phone, text, web and street address. */
public record Reach(Optional<String> phone, Optional<String> tty, Optional<String> videoPhone, Optional<String> text, Optional<String> web,
    Optional<String> address) {

  public static final Reach NONE = new Reach(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public Reach {
    phone = clean(phone);
    tty = clean(tty);
    videoPhone = clean(videoPhone);
    text = clean(text);
    web = clean(web);
    address = clean(address);
    for (Optional<String> v : java.util.List.of(phone, tty, videoPhone, text, web)) {
      if (v.filter(s -> s.length() > 200).isPresent()) throw new IllegalArgumentException("a phone number or web address is at most 200 characters");
    }
    if (address.filter(s -> s.length() > 400).isPresent()) throw new IllegalArgumentException("an address is at most 400 characters");
  }

  private static Optional<String> clean(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }
}
