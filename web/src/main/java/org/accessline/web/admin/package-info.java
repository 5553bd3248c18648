/** The admin page's API: staff accounts (roles, grants, passwords), record categories, and a view of the queues. Only ADMINISTER may use it. */
package org.accessline.web.admin;
