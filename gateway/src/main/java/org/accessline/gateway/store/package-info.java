/** The interaction-store SPI and the interaction record derived from a conversation's entries. */
package org.accessline.gateway.store;
