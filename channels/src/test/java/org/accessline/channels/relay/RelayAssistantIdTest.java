package org.accessline.channels.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayAssistantIdTest {
  @Test
  void writtenIdentificationWithServiceAndNumber() {
    var id = RelayAssistantId.in("Georgia Relay CA 2643, go ahead").orElseThrow();
    assertEquals("Georgia Relay", id.service());
    assertEquals(Optional.of("2643"), id.number());
  }

  @Test
  void spokenDigitsAsTheRecogniserSpellsThem() {
    var id = RelayAssistantId.in("hello this is georgia relay operator two six four three have you received a relay call before").orElseThrow();
    assertEquals("Georgia Relay", id.service());
    assertEquals(Optional.of("2643"), id.number());
  }

  @Test
  void pairedAndHundredsNumbers() {
    assertEquals(Optional.of("2643"), RelayAssistantId.digits("twenty six forty three"));
    assertEquals(Optional.of("412"), RelayAssistantId.digits("four hundred twelve"));
    assertEquals(Optional.of("1007"), RelayAssistantId.digits("one oh oh seven"));
    assertEquals(Optional.empty(), RelayAssistantId.digits("none here"));
  }

  @Test
  void homophonesOfDigitsAsARecogniserHearsThem() {
    var id = RelayAssistantId.in("hello this is georgia really operator to six for three").orElseThrow();
    assertEquals("Georgia Relay", id.service());
    assertEquals(Optional.of("2643"), id.number());
    assertEquals(Optional.of("2643"), RelayAssistantId.in("hello this is georgia relay operator to fix for three").orElseThrow().number());
    assertTrue(RelayAssistantId.in("the relay operator to help you").orElseThrow().number().isEmpty());
    assertTrue(RelayAssistantId.in("the relay operator to fix it").orElseThrow().number().isEmpty());
    assertTrue(RelayAssistantId.in("i really need help").isEmpty());
  }

  @Test
  void relayOperatorWithoutServiceName() {
    var id = RelayAssistantId.in("this is the relay operator number five five one").orElseThrow();
    assertEquals("Relay service", id.service());
    assertEquals(Optional.of("551"), id.number());
  }

  @Test
  void theRelayQuestionAloneIdentifiesARelayCall() {
    var id = RelayAssistantId.in("have you received a relay call before").orElseThrow();
    assertEquals("Relay service", id.service());
    assertTrue(id.number().isEmpty());
  }

  @Test
  void relayAsAnOrdinaryWordIsNoIntroduction() {
    assertTrue(RelayAssistantId.in("can you relay this to the parks department").isEmpty());
    assertTrue(RelayAssistantId.in("the tree on my street fell over go ahead").isEmpty());
  }

  @Test
  void multiWordServiceNames() {
    assertEquals("New York Relay", RelayAssistantId.in("this is new york relay c a one two three").orElseThrow().service());
    assertEquals("TX Relay", RelayAssistantId.in("tx relay operator 88").orElseThrow().service());
  }
}
