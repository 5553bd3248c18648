/**
 * Seals that catch deletion and rewriting: a key kept outside the database, each record's head
 * sealed with it, and a chained, keyed checkpoint file of every head. Pure checks plus one file.
 */
package org.accessline.transcripts.seal;
