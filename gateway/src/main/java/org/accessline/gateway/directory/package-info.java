/**
 * The resource directory: agencies, the services they offer and how to reach them, its search
 * terms, and the store port that keeps it beside the records. Pure values and rules; no SQL here.
 */
package org.accessline.gateway.directory;
