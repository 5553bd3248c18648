/** Follow-ups: made from a record, held by a scheduler that reminds owners and alerts supervisors, done by text, call or by hand; and the consent ledger texts need. */
package org.accessline.web.followups;
