/** Canned replies: an agent's own and the center's shared ones, with placeholders filled for each conversation. */
package org.accessline.web.cannedreplies;
