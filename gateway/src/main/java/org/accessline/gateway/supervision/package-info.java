/** What supervisors see of the floor, as pure summaries over a snapshot; the live dashboard and reports share them. */
package org.accessline.gateway.supervision;
