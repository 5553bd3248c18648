/** The conversation model: identities, participants, and the sealed family of events an entry carries. */
package org.accessline.gateway.conversation;
