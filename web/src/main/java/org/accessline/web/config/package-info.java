/** The one configuration record, read from a JSON file and ACCESSLINE_* environment variables. */
package org.accessline.web.config;
