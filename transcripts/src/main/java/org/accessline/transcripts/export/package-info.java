/** Renderings of interaction records for people: the plain-text transcript. */
package org.accessline.transcripts.export;
