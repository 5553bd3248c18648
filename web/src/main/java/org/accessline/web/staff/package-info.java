/** Staff on the HTTP side: signing in and out, sessions on requests, presence, and the console's socket. */
package org.accessline.web.staff;
