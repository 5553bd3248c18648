package org.accessline.gateway.directory;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the resource directory lives, beside the records in the same database. Searching is done by
 * the database with its own index; no call loads the whole directory but {@link #contents()}, which
 * is for export. Every future completes on the caller's context, and a write only once durable.
 */
public interface Directory {

  /** Inserts the agency or replaces the one with its id. */
  Future<Void> saveAgency(Agency agency);

  /** Inserts the service or replaces the one with its id; fails with {@link UnknownAgency} when its agency is not kept. */
  Future<Void> saveService(ServiceEntry service);

  Future<Optional<Agency>> agency(String id);

  Future<Optional<DirectoryHit>> service(String id);

  /** The services matching every word group and filter, best match first (by name when the query has no words). */
  Future<List<DirectoryHit>> search(DirectoryQuery query);

  /** Services never verified or last verified before {@code notBefore}: the oldest first. */
  Future<List<DirectoryHit>> stale(LocalDate notBefore, int limit);

  /** The whole directory, by agency then service id: for export. */
  Future<Contents> contents();

  /**
   * Saves every agency and service in one transaction: all of them or, if any fails, none. Entries
   * with ids already kept are replaced; nothing else is removed.
   */
  Future<Void> importAll(List<Agency> agencies, List<ServiceEntry> services);

  /** Referrals recorded on interaction records between {@code from} (inclusive) and {@code to} (exclusive), most referred agency first. */
  Future<List<ReferralCount>> referralsByAgency(Instant from, Instant to);

  record Contents(List<Agency> agencies, List<ServiceEntry> services) {
    public Contents {
      agencies = List.copyOf(agencies);
      services = List.copyOf(services);
    }
  }

  /** A service named an agency the directory does not keep. */
  final class UnknownAgency extends RuntimeException {
    public UnknownAgency(String agencyId) {
      super("no agency has the id \"" + agencyId + "\"");
    }
  }
}
