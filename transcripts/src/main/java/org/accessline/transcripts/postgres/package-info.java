/** The interaction store on PostgreSQL, through the Vert.x reactive client: what a county runs. */
package org.accessline.transcripts.postgres;
