/** Follow-ups (reaching a resident again about a record) and the consent ledger that lets the center text them: the model and its pure rules. */
package org.accessline.gateway.followup;
