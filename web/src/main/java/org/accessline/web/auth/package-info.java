/** Staff sign-in: PBKDF2 password hashes, agent accounts, and session cookies. */
package org.accessline.web.auth;
