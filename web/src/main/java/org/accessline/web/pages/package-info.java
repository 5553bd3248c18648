/** What anyone may load without signing in: the pages with their versioned scripts and styles, the center's name, and health. */
package org.accessline.web.pages;
