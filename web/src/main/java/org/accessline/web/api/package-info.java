/** The agents' REST API and its request validation. */
package org.accessline.web.api;
