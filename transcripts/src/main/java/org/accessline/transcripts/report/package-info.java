/** Reports in SQL that both stores run as written, and the record facts they read, shared by both stores. */
package org.accessline.transcripts.report;
