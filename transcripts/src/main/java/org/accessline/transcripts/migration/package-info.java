/** Flyway running each store's versioned scripts at start, with checksums, and baselining stores made before it. */
package org.accessline.transcripts.migration;
