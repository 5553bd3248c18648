/** An agent's conversations over REST: the list, entries, replies, resolving, skills, details and history. */
package org.accessline.web.conversations;
