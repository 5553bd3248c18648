package org.accessline.gateway.routing;

import java.util.Set;

/**
 * A named queue. Conversations in a higher-priority queue are served first; a queue may need a skill
 * of whoever takes its conversations (billing, es).
 */
public record QueueDefinition(String name, int priority, Set<String> skills) {
  public QueueDefinition {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("queue names are lower-case words such as general or billing");
    if (priority < 0 || priority > 100) throw new IllegalArgumentException("queue " + name + ": priority must be 0-100");
    skills = Set.copyOf(skills);
  }
}
