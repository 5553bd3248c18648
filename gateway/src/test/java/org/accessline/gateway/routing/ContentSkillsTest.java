package org.accessline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentSkillsTest {
  private final ContentSkills spanish = new ContentSkills(Map.of("es", List.of("hola", "necesito", "ayuda", "gracias", "por favor")));

  @Test
  void twoDifferentCuesCallForTheSkill() {
    assertEquals(Set.of("es"), spanish.in("Hola, necesito ayuda con la basura"));
    assertEquals(Set.of("es"), spanish.in("POR FAVOR, AYUDA GA"));
  }

  @Test
  void oneBorrowedWordIsNotEnough() {
    assertEquals(Set.of(), spanish.in("Hola! My trash was not picked up"));
    assertEquals(Set.of(), spanish.in("The streetlight on Holanda Ave is out"));
    assertEquals(Set.of(), ContentSkills.none().in("hola necesito"));
  }

  @Test
  void aSkillNeedsAtLeastTwoCues() {
    assertThrows(IllegalArgumentException.class, () -> new ContentSkills(Map.of("es", List.of("hola"))));
  }
}
