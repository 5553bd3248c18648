/**
 * Reports for supervisors and management: the facts each record contributes (folded as its entries
 * are written), what a report asks for, and the metrics it answers with. Pure: the stores compute
 * the figures in their own database.
 */
package org.accessline.gateway.report;
