/** The runnable application: startup, the HTTP router, and wiring of stream, store and channels. */
package org.accessline.web;
