/** The supervisors' live dashboard: the figures of the floor and of the day, pushed over the staff socket. */
package org.accessline.web.dashboard;
