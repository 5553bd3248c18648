/** The conversation stream: one writer per conversation, gap-free numbering, durable append before acknowledgement. */
package org.accessline.gateway.stream;
