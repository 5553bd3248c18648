/** Web chat: the resident's WebSocket protocol, resume tokens, and the adapter that joins it to the stream. */
package org.accessline.channels.webchat;
