package org.accessline.gateway.conversation;

public enum Role {
  RESIDENT,
  AGENT,
  SUPERVISOR,
  SYSTEM
}
