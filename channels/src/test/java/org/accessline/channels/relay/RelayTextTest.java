package org.accessline.channels.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.accessline.channels.relay.RelayText.Part;
import org.accessline.channels.tty.TurnEnd;
import org.junit.jupiter.api.Test;

class RelayTextTest {
  @Test
  void writtenParenthesesAreAnnotations() {
    assertEquals(List.of(new Part.Words("my trash was not picked up"), new Part.Annotation("typing"), new Part.Words("go ahead")),
        RelayText.split("my trash was not picked up (typing) go ahead"));
  }

  @Test
  void spokenParenthesesAreAnnotations() {
    assertEquals(List.of(new Part.Words("i need help"), new Part.Annotation("background noise"), new Part.Words("with my water bill")),
        RelayText.split("i need help open paren background noise close paren with my water bill"));
  }

  @Test
  void spokenParenthesesAsARecogniserHearsThem() {
    assertEquals(List.of(new Part.Words("oh"), new Part.Annotation("typing")), RelayText.split("oh open parent typing close parent"));
  }

  @Test
  void aKnownDescriptionSaidAloneIsAnAnnotation() {
    assertEquals(List.of(new Part.Annotation("typing")), RelayText.split("typing"));
    assertEquals(List.of(new Part.Annotation("background noise")), RelayText.split("Background noise."));
  }

  @Test
  void aDescriptionWordInsideASentenceStaysTheResidents() {
    assertEquals(List.of(new Part.Words("i was typing a letter to the mayor")), RelayText.split("i was typing a letter to the mayor"));
  }

  @Test
  void emptyAnnotationsAndBlankTextAreDropped() {
    assertEquals(List.of(new Part.Words("hello")), RelayText.split("hello ()"));
    assertEquals(List.of(), RelayText.split("   "));
  }

  @Test
  void turnEndings() {
    assertEquals(Optional.of(TurnEnd.GO_AHEAD), RelayText.ending("the light is out on fifth street go ahead"));
    assertEquals(Optional.of(TurnEnd.GO_AHEAD), RelayText.ending("thanks GA"));
    assertEquals(Optional.of(TurnEnd.GO_AHEAD), RelayText.ending("thanks g a"));
    assertEquals(Optional.of(TurnEnd.STOP_KEYING), RelayText.ending("thank you bye stop keying"));
    assertEquals(Optional.of(TurnEnd.STOP_KEYING), RelayText.ending("bye SK"));
    assertEquals(Optional.of(TurnEnd.STOP_KEYING), RelayText.ending("okay thanks stock keying"), "a recogniser's hearing of it");
    assertEquals(Optional.of(TurnEnd.HANGING_UP), RelayText.ending("bye sksk"));
    assertEquals(Optional.of(TurnEnd.GO_AHEAD_OR_STOP), RelayText.ending("anything else ga or sk"));
    assertEquals(Optional.empty(), RelayText.ending("please go ahead and fix it tomorrow"));
    assertEquals(Optional.empty(), RelayText.ending("i want to ask"));
  }
}
