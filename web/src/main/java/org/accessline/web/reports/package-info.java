/** Reports for supervisors and management: the API (JSON and CSV), its audit, and the reports page's data. */
package org.accessline.web.reports;
