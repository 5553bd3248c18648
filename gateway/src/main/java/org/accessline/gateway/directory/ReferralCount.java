package org.accessline.gateway.directory;

/** How many referrals were made to an agency in a period: what reports count. */
public record ReferralCount(String agencyId, String agencyName, long referrals) {}
