/**
 * What every feature's routes share: problems and answers, request validation, page and security
 * headers, the cross-site guard, request deadlines and socket keep-alive.
 */
package org.accessline.web.http;
