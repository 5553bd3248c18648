/** Who gets which conversation: pure assignment decisions over a snapshot of agents and the queue. */
package org.accessline.gateway.routing;
