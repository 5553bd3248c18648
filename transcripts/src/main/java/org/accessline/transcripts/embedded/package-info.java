/** The embedded interaction store: an H2 file database under the data directory, written by group commit. */
package org.accessline.transcripts.embedded;
