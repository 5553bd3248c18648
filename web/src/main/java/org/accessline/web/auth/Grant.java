package org.accessline.web.auth;

import java.util.Arrays;
import java.util.Optional;

/** A permission given to one account on top of its role, so an agent can keep the directory without supervising. */
public enum Grant {
  DIRECTORY_EDITOR("directory-editor", Permission.EDIT_DIRECTORY),
  QUALITY_REVIEWER("quality-reviewer", Permission.REVIEW_QUALITY);

  private final String wireName;
  private final Permission permission;

  Grant(String wireName, Permission permission) {
    this.wireName = wireName;
    this.permission = permission;
  }

  public String wireName() {
    return wireName;
  }

  public Permission permission() {
    return permission;
  }

  public static Optional<Grant> parse(String given) {
    return Arrays.stream(values()).filter(g -> g.wireName.equals(given)).findFirst();
  }
}
