/** Supervisors on the floor: escalations, the floor summary, reassigning, whispering and barging in. */
package org.accessline.web.supervision;
