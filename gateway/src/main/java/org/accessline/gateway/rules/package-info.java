/** Pure decisions of the stream and the floor: no Vert.x type, no clock of their own, no I/O. */
package org.accessline.gateway.rules;
