package org.accessline.web.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.accessline.channels.sms.SmsSegments;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Verification;
import org.junit.jupiter.api.Test;

/** CSV and HSDS round trips, their bad rows named, and a referral as each channel shows it. */
class DirectoryFormatsTest {
  static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
  static final Agency SANITATION = new Agency("sanitation", "Department of Sanitation", "Keeps the streets clean, \"mostly\"", ZoneId.of("America/Chicago"),
      List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25)),
      new Reach(Optional.of("555-0100"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("https://sanitation.example.gov"), Optional.empty()),
      AT, "ana");
  static final ServiceEntry BULK = new ServiceEntry("bulk-trash", "sanitation", "Bulk trash pickup", "Large items, picked up at the curb.\nBook ahead.",
      "Whole county", "Any resident", List.of("en", "es"),
      List.of(new Opening(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 30)), new Opening(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(16, 30)),
          new Opening(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
      new Reach(Optional.of("555-0101"), Optional.of("555-0102"), Optional.of("555-0103"), Optional.of("555-0104"), Optional.of("https://bulk.example.gov"),
          Optional.of("100 Main St, Springfield")), "Step-free, TTY at the desk", Optional.of(new Verification(LocalDate.of(2026, 11, 1), "ana")), AT, "ana");
  static final ServiceEntry CARTS = new ServiceEntry("carts", "sanitation", "=Cart replacement", "", "", "", List.of(), List.of(), null, "", Optional.empty(),
      AT, "ana");
  static final Directory.Contents ALL = new Directory.Contents(List.of(SANITATION), List.of(BULK, CARTS));
  static final Agency SANITATION_CSV = new Agency(SANITATION.id(), SANITATION.name(), SANITATION.description(), SANITATION.zone(), SANITATION.closures(),
      Reach.NONE, AT, "ana");

  @Test
  void csvRoundTripsEveryServiceAndItsAgency() {
    String csv = DirectoryCsv.write(ALL);
    assertTrue(csv.contains("'=Cart replacement"), "a cell a spreadsheet would run is kept as text");
    DirectoryImport back = DirectoryCsv.read(csv, AT, "ana");
    assertEquals(List.of(), back.problems());
    assertEquals(List.of(SANITATION_CSV), back.agencies(), "CSV carries no agency phones or web address");
    assertEquals(List.of(BULK, CARTS), back.services());
  }

  @Test
  void csvNamesEveryBadLine() {
    String csv = DirectoryCsv.write(ALL).replace("mon 08:00-16:30", "monday at eight").replace("America/Chicago", "Mars/Olympus");
    DirectoryImport back = DirectoryCsv.read(csv + "x,y\r\n", AT, "ana");
    assertEquals(3, back.problems().size(), back.problems().toString());
    assertTrue(back.problems().get(0).startsWith("Line 2: "), back.problems().toString());
    assertTrue(back.problems().get(2).startsWith("Line 4: has 2 columns"), back.problems().toString());
    assertEquals(List.of("Line 1 must be the header: " + String.join(",", DirectoryCsv.HEADER)), DirectoryCsv.read("id,name\r\n", AT, "ana").problems());
    assertEquals(List.of("A quoted cell is never closed."), DirectoryCsv.read("\"open", AT, "ana").problems());
  }

  @Test
  void hsdsRoundTripsOrganizationsServicesLocationsAndSchedules() {
    JsonObject json = Hsds.write(ALL);
    assertEquals("textphone", json.getJsonArray("services").getJsonObject(0).getJsonArray("phones").getJsonObject(1).getString("type"));
    assertEquals("SA", json.getJsonArray("services").getJsonObject(0).getJsonArray("schedules").getJsonObject(2).getString("byday"));
    DirectoryImport back = Hsds.read(new JsonObject(json.encode()), AT, "ana");
    assertEquals(List.of(), back.problems());
    assertEquals(List.of(SANITATION), back.agencies());
    assertEquals(List.of(BULK, CARTS), back.services());
  }

  @Test
  void hsdsNamesEveryBadItem() {
    JsonObject json = Hsds.write(ALL);
    json.getJsonArray("services").getJsonObject(1).put("schedules", new io.vertx.core.json.JsonArray().add(new JsonObject().put("byday", "XX")
        .put("opens_at", "09:00").put("closes_at", "10:00")));
    json.getJsonArray("organizations").getJsonObject(0).remove("name");
    DirectoryImport back = Hsds.read(json, AT, "ana");
    assertEquals(2, back.problems().size(), back.problems().toString());
    assertTrue(back.problems().get(0).startsWith("organizations[0]: "));
    assertTrue(back.problems().get(1).startsWith("services[1]: schedules[0].byday"));
  }

  @Test
  void anIdGivenTwiceIsNamedAndNothingIsSaved() {
    JsonObject json = Hsds.write(ALL);
    json.getJsonArray("organizations").add(json.getJsonArray("organizations").getJsonObject(0).copy().put("name", "Another name"));
    json.getJsonArray("services").getJsonObject(1).put("id", "bulk-trash");
    assertEquals(List.of("Agency id sanitation appears more than once.", "Service id bulk-trash appears more than once."),
        Hsds.read(json, AT, "ana").problems());
    String csv = DirectoryCsv.write(ALL).replace(",carts,", ",bulk-trash,");
    assertEquals(List.of("Service id bulk-trash appears more than once."), DirectoryCsv.read(csv, AT, "ana").problems());
  }

  @Test
  void controlAndTextDirectionCharactersInAnEntrysWordsAreRefused() {
    String csv = DirectoryCsv.write(ALL).replace("Bulk trash pickup", "Bulk\u0000trash").replace("Department of Sanitation", "Sanitation\u202e");
    assertEquals(List.of("Agency sanitation: \"name\" holds a control or text-direction character; only printable text, line breaks and tabs are taken.",
        "Service bulk-trash: \"name\" holds a control or text-direction character; only printable text, line breaks and tabs are taken."),
        DirectoryCsv.read(csv, AT, "ana").problems());
    JsonObject json = Hsds.write(ALL);
    json.getJsonArray("services").getJsonObject(0).put("description", "Line one\nLine two\tand a tab");
    assertEquals(List.of(), Hsds.read(json, AT, "ana").problems(), "line breaks and tabs are kept");
    json.getJsonArray("services").getJsonObject(0).put("description", "\u2066hidden\u2069");
    assertEquals(1, Hsds.read(json, AT, "ana").problems().size());
  }

  @Test
  void csvRefusesAWholeFileForItsBadContactCellsAndNamesEachRowAndColumn() {
    String csv = DirectoryCsv.write(ALL).replace("https://bulk.example.gov", "javascript:alert(1)").replace("555-0102", "call us");
    DirectoryImport back = DirectoryCsv.read(csv, AT, "ana");
    assertEquals(2, back.problems().size(), back.problems().toString());
    assertTrue(back.problems().get(0).startsWith("Line 2: \"tty\" must be a phone number"), back.problems().toString());
    assertTrue(back.problems().get(1).startsWith("Line 2: \"web\" must be an http or https address"), back.problems().toString());
    assertTrue(back.services().stream().noneMatch(s -> s.id().equals("bulk-trash")), "the bad row is not taken");
  }

  @Test
  void hsdsRefusesBadPhonesAndLinksNamingTheItemAndProperty() {
    JsonObject json = Hsds.write(ALL);
    json.getJsonArray("organizations").getJsonObject(0).put("website", "javascript:alert(document.cookie)");
    json.getJsonArray("services").getJsonObject(0).getJsonArray("phones").getJsonObject(2).put("number", "<img src=x>");
    DirectoryImport back = Hsds.read(json, AT, "ana");
    assertEquals(List.of("organizations[0]: \"website\" must be an http or https address such as https://example.org; \"javascript:alert(document.cookie)\" is not.",
        "services[0]: \"phones (video)\" must be a phone number (+15551230000, (312) 555-0101) or a sip: address; \"<img src=x>\" is not."), back.problems());
  }

  @Test
  void aReferralIsShortAndInCapitalsOnATtyWithinTwoSegmentsBySmsAndWholeInWebChat() {
    DirectoryHit hit = new DirectoryHit(BULK, SANITATION, 1);
    String tty = ReferralText.format(hit, Channel.TTY);
    assertEquals("PLS CONTACT DEPARTMENT OF SANITATION FOR BULK TRASH PICKUP. TTY NBR 555-0102. VP 555-0103. HRS MON-TUE 08:00-16:30, SAT 09:00-12:00", tty);
    assertTrue(!tty.endsWith("GA"), "the agent ends the turn");
    String sms = ReferralText.format(hit, Channel.SMS);
    assertTrue(SmsSegments.of(sms).segments() <= 2, sms);
    assertTrue(sms.startsWith("Bulk trash pickup (Department of Sanitation): call 555-0101, TTY 555-0102"), sms);
    ServiceEntry longName = new ServiceEntry("x", "sanitation", "A".repeat(200), "", "", "", List.of(), List.of(), BULK.reach(), "", Optional.empty(), AT, "ana");
    assertTrue(SmsSegments.of(ReferralText.format(new DirectoryHit(longName, SANITATION, 1), Channel.SMS)).segments() <= 2);
    String chat = ReferralText.format(hit, Channel.WEBCHAT);
    assertTrue(chat.contains("Address: 100 Main St, Springfield") && chat.contains("Hours: MON-TUE 08:00-16:30, SAT 09:00-12:00 (America/Chicago)"), chat);
    assertEquals("555-0100", ReferralText.reach(new DirectoryHit(CARTS, SANITATION, 0)).get("phone"), "the agency's phone when the service has none");
  }
}
