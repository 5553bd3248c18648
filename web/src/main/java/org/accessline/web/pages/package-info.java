/** The static pages and their headers: versioned scripts and styles, caching, CSP and HSTS. */
package org.accessline.web.pages;
