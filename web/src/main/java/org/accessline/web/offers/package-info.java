/** Conversations offered to an agent, and passed on: accept, decline, colleagues, cold and warm transfers. */
package org.accessline.web.offers;
