/** What the stream publishes, and the typed event-bus addresses it publishes on. */
package org.accessline.gateway.signal;
