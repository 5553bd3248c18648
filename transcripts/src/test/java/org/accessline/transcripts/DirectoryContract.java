package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.DirectoryQuery;
import org.accessline.gateway.directory.ReferralCount;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Synonyms;
import org.accessline.gateway.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource directory, the same on every store: search relevance on a seeded directory, filters, stale entries, import and referral counts. */
public abstract class DirectoryContract {
  private static final Synonyms SYNONYMS = new Synonyms(List.of(List.of("trash", "garbage", "refuse", "rubbish"), List.of("food", "meal", "groceries")));
  protected Vertx vertx;
  protected InteractionStore store;
  private Directory directory;
  private final DirectorySeed seed = new DirectorySeed();

  protected abstract InteractionStore openStore();

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    store = openStore();
    directory = store.directory();
    directory.importAll(seed.agencies, seed.services).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  private List<String> ids(String words) {
    return ids(SYNONYMS.query(words, Optional.empty(), Optional.empty(), false, 100));
  }

  private List<String> ids(DirectoryQuery q) {
    return directory.search(q).await().stream().map(h -> h.service().id()).toList();
  }

  @Test
  void aSynonymFindsEntriesThatUseAnotherWord() {
    assertEquals(Set.of("trash-bulk", "refuse-carts", "garbage-schedule"), Set.copyOf(ids("garbage")));
    assertEquals(Set.of("trash-bulk", "refuse-carts", "garbage-schedule"), Set.copyOf(ids("rubbish")));
    assertEquals(List.of("trash-bulk"), ids("garbage pickup"), "every word must match");
  }

  @Test
  void aMatchInTheNameRanksAboveOneInTheDescription() {
    assertEquals(List.of("pothole-repair", "street-crew"), ids("potholes"));
    assertEquals(List.of("meals-home", "food-pantry"), ids("meals"), "by plural folding and a synonym");
    assertEquals(List.of("deaf-services"), ids("Deaf"));
    assertEquals(List.of(), ids("zebra"));
  }

  @Test
  void filtersByLanguageAndTty() {
    assertEquals(List.of("food-pantry", "meals-home"), ids(SYNONYMS.query("food", Optional.empty(), Optional.of("es"), false, 10)), "the word as typed first");
    assertEquals(List.of("meals-home"), ids(SYNONYMS.query("food", Optional.empty(), Optional.of("vi"), false, 10)));
    assertEquals(List.of("meals-home"), ids(SYNONYMS.query("food", Optional.empty(), Optional.empty(), true, 10)));
    List<DirectoryHit> tty = directory.search(SYNONYMS.query("", Optional.empty(), Optional.empty(), true, 100)).await();
    long expected = seed.services.stream().filter(s -> s.reach().tty().isPresent()).count();
    assertEquals(Math.min(100, expected), tty.size());
    assertTrue(tty.stream().allMatch(h -> h.service().reach().tty().isPresent()));
  }

  @Test
  void openNowFollowsEachAgencysTimeZoneAndHolidays() {
    Map<String, Agency> agencies = seed.agencies.stream().collect(Collectors.toMap(Agency::id, a -> a));
    for (String at : List.of("2026-11-23T14:30:00Z", "2026-11-23T19:10:00Z", "2026-11-23T21:00:00Z", "2026-11-26T15:30:00Z", "2026-11-28T15:00:00Z")) {
      Instant instant = Instant.parse(at);
      Set<String> expected = seed.services.stream().filter(s -> s.openAt(agencies.get(s.agencyId()), instant)).map(ServiceEntry::id)
          .collect(Collectors.toCollection(TreeSet::new));
      assertTrue(expected.size() < 100, "the seed keeps each answer under one page");
      Set<String> found = new TreeSet<>(ids(new DirectoryQuery(List.of(), Optional.of(instant), Optional.empty(), false, 100)));
      assertEquals(expected, found, "open at " + at);
    }
    // 10:30 in New York on Thanksgiving: the New York crew keeps weekday hours, but its agency is closed; Chicago's is open.
    assertEquals(List.of("street-crew"), ids(SYNONYMS.query("pothole", Optional.of(Instant.parse("2026-11-26T15:30:00Z")), Optional.empty(), false, 10)));
    assertEquals(List.of("pothole-repair", "street-crew"),
        ids(SYNONYMS.query("pothole", Optional.of(Instant.parse("2026-11-25T15:30:00Z")), Optional.empty(), false, 10)));
    // 17:30 in New York, 16:30 in Chicago.
    assertEquals(List.of("street-crew"), ids(SYNONYMS.query("pothole", Optional.of(Instant.parse("2026-11-25T22:30:00Z")), Optional.empty(), false, 10)));
  }

  @Test
  void staleEntriesAreTheNeverVerifiedAndTheOldestFirst() {
    LocalDate cutoff = LocalDate.of(2026, 6, 1);
    List<DirectoryHit> stale = directory.stale(cutoff, 500).await();
    Set<String> expected = seed.services.stream().filter(s -> s.staleOn(cutoff)).map(ServiceEntry::id).collect(Collectors.toSet());
    assertEquals(expected, stale.stream().map(h -> h.service().id()).collect(Collectors.toSet()));
    assertTrue(stale.get(0).service().verified().isEmpty(), "never verified comes first");
    ServiceEntry one = stale.get(0).service();
    directory.saveService(one.verifiedBy("ana", LocalDate.of(2026, 11, 22), Instant.parse("2026-11-22T12:00:00Z"))).await();
    assertTrue(directory.stale(cutoff, 500).await().stream().noneMatch(h -> h.service().id().equals(one.id())));
    assertEquals("ana", directory.service(one.id()).await().orElseThrow().service().verified().orElseThrow().by());
  }

  @Test
  void whatIsSavedReadsBackWholeAndTheExportHoldsEverything() {
    store.close().await();
    store = openStore();
    directory = store.directory();
    Directory.Contents all = directory.contents().await();
    assertEquals(seed.agencies, all.agencies().stream().sorted(java.util.Comparator.comparing(a -> Integer.parseInt(a.id().substring(2)))).toList());
    assertEquals(Set.copyOf(seed.services), Set.copyOf(all.services()));
    ServiceEntry meals = seed.services.stream().filter(s -> s.id().equals("meals-home")).findFirst().orElseThrow();
    DirectoryHit hit = directory.service("meals-home").await().orElseThrow();
    assertEquals(meals, hit.service());
    assertEquals("ag2", hit.agency().id());
    assertEquals(Optional.empty(), directory.service("nope").await());
  }

  @Test
  void anImportWithOneBadServiceChangesNothing() {
    ServiceEntry renamed = new ServiceEntry("pothole-repair", "ag1", "Road hole repair", "", "", "", List.of(), List.of(), null, "", Optional.empty(),
        DirectorySeed.AT, "ana");
    ServiceEntry orphan = new ServiceEntry("orphan", "no-such-agency", "Orphan", "", "", "", List.of(), List.of(), null, "", Optional.empty(), DirectorySeed.AT, "ana");
    Exception e = assertThrows(Exception.class, () -> directory.importAll(List.of(), List.of(renamed, orphan)).await());
    assertInstanceOf(Directory.UnknownAgency.class, e);
    assertEquals("Pothole repair", directory.service("pothole-repair").await().orElseThrow().service().name());
    assertEquals(Optional.empty(), directory.service("orphan").await());
    assertThrows(Directory.UnknownAgency.class, () -> directory.saveService(orphan).await());
  }

  @Test
  void anAgencyInATimeZoneNewToTheDirectoryIsOpenNowAtOnce() {
    // Monday 23:30 in Tokyo, a zone none of the seed's agencies keeps; the first search reads the zones the directory has.
    Instant monday = Instant.parse("2026-11-23T14:30:00Z");
    DirectoryQuery ferry = SYNONYMS.query("ferry", Optional.of(monday), Optional.empty(), false, 10);
    assertEquals(List.of(), ids(ferry));
    directory.saveAgency(new Agency("ag-tokyo", "Harbor office", "", ZoneId.of("Asia/Tokyo"), List.of(), org.accessline.gateway.directory.Reach.NONE,
        DirectorySeed.AT, "ana")).await();
    directory.saveService(new ServiceEntry("night-ferry", "ag-tokyo", "Night ferry desk", "Late crossings", "Harbor", "", List.of("en"),
        List.of(new org.accessline.gateway.directory.Opening(java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(23, 0), java.time.LocalTime.of(23, 59))),
        org.accessline.gateway.directory.Reach.NONE, "", Optional.empty(), DirectorySeed.AT, "ana")).await();
    assertEquals(List.of("night-ferry"), ids(ferry));
  }

  @Test
  void renamingAnAgencyFindsItsServicesByTheNewName() {
    Agency ag1 = seed.agencies.get(12);
    directory.saveAgency(new Agency(ag1.id(), "Department of Highways", ag1.description(), ag1.zone(), ag1.closures(), ag1.reach(),
        DirectorySeed.AT, "ana")).await();
    assertTrue(ids("highways").contains("pothole-repair"));
  }

  @Test
  void referralsOnRecordsAreCountedByAgencyInSql() {
    ConversationId first = ConversationId.random();
    ConversationId second = ConversationId.random();
    store.append(InteractionStoreContract.opening(first, "SMr1")).await();
    store.append(InteractionStoreContract.opening(second, "SMr2")).await();
    Participant agent = Participant.agent(new org.accessline.gateway.conversation.AgentId("ana"), "Ana");
    store.append(List.of(referral(first, 4, "ag0", "trash-bulk", Instant.parse("2026-11-22T10:05:00Z"), agent))).await();
    store.append(List.of(referral(first, 5, "ag1", "pothole-repair", Instant.parse("2026-11-22T10:06:00Z"), agent))).await();
    store.append(List.of(referral(second, 4, "ag0", "trash-bulk", Instant.parse("2026-11-22T11:00:00Z"), agent))).await();
    assertEquals(List.of(new ReferralCount("ag0", "Agency community 0", 2), new ReferralCount("ag1", "Agency community 0", 1)),
        directory.referralsByAgency(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")).await());
    assertEquals(List.of(new ReferralCount("ag0", "Agency community 0", 1)),
        directory.referralsByAgency(Instant.parse("2026-11-22T10:30:00Z"), Instant.parse("2026-11-23T00:00:00Z")).await());
    // Renamed after its referrals: counted as one agency, shown by the name its latest referral gave it (not the first alphabetically).
    store.append(List.of(referral(second, 5, "ag0", "trash-bulk", Instant.parse("2026-11-22T12:00:00Z"), agent, "Agency community 0 (renamed)"))).await();
    store.append(List.of(referral(second, 6, "ag0", "trash-bulk", Instant.parse("2026-11-22T13:00:00Z"), agent, "Zebra agency"))).await();
    store.append(List.of(referral(second, 7, "ag0", "trash-bulk", Instant.parse("2026-11-22T14:00:00Z"), agent, "Agency community 0 (renamed)"))).await();
    assertEquals(List.of(new ReferralCount("ag0", "Agency community 0 (renamed)", 5), new ReferralCount("ag1", "Agency community 0", 1)),
        directory.referralsByAgency(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")).await());
    ConversationEvent.Referred back = (ConversationEvent.Referred) store.entries(first, 3).await().get(0).event();
    assertEquals("555-0199", back.reach().get("tty"), "the way to reach them is on the record as data");
  }

  private static Entry referral(ConversationId id, long seq, String agency, String service, Instant at, Participant agent) {
    return referral(id, seq, agency, service, at, agent, "Agency community 0");
  }

  private static Entry referral(ConversationId id, long seq, String agency, String service, Instant at, Participant agent, String agencyName) {
    return new Entry(id, seq, at, agent, new ConversationEvent.Referred(agency, agencyName, service, service, Map.of("phone", "555-0100", "tty", "555-0199")),
        Optional.empty());
  }
}
