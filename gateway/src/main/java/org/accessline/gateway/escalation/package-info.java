/** When a conversation must go up: an emergency in the resident's words, and later time limits and agents' requests. */
package org.accessline.gateway.escalation;
