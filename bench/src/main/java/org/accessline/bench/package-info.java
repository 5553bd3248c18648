/** Load benchmarks that drive the real gateway over loopback sockets. */
package org.accessline.bench;
