/**
 * The resource directory's SQL, shared by both stores: each store runs the statements built here
 * with its own client, in one transaction per write.
 */
package org.accessline.transcripts.directory;
