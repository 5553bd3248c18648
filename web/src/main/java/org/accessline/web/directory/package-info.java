/**
 * The resource directory for staff: search and read for everyone, editing, verifying and import for
 * directory editors, and referrals from a conversation, previewed per channel and recorded on the
 * record as data.
 */
package org.accessline.web.directory;
