package org.accessline.gateway.directory;

import java.util.regex.Pattern;

/** Ids of agencies and services: short, and safe in a URL and a CSV cell. Imported directories bring their own. */
public final class DirectoryIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private DirectoryIds() {}

  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
