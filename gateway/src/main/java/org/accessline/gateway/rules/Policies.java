package org.accessline.gateway.rules;

import java.util.Set;
import java.util.stream.Collectors;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.routing.ContentSkills;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;

/**
 * What the stream rules must know of the center's settings to decide a command whole: which words
 * name an emergency and what each channel answers, which first words call for a skill, and which
 * queues exist.
 */
public record Policies(EmergencyPolicy emergencies, ContentSkills contentSkills, Set<String> queues) {
  public Policies {
    if (emergencies == null || contentSkills == null || queues == null) throw new IllegalArgumentException("the stream rules need every policy");
    queues = Set.copyOf(queues);
  }

  /** The shipped emergency words and guidance, no content skills, and only the general queue. */
  public static Policies defaults() {
    return new Policies(EmergencyPolicy.defaults(), ContentSkills.none(), Set.of(RoutingSettings.GENERAL));
  }

  public static Policies of(EmergencyPolicy emergencies, RoutingSettings routing) {
    return new Policies(emergencies, routing.contentSkills(), routing.queues().stream().map(QueueDefinition::name).collect(Collectors.toSet()));
  }
}
