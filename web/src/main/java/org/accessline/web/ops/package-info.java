/** Operations: logging setup, the metrics registry and the {@code /metrics} endpoint. */
package org.accessline.web.ops;
