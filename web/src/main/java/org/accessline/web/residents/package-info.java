/**
 * The resident as staff see them: a stable readable name, the same person across channels, and one
 * conversation's JSON shared by every staff view.
 */
package org.accessline.web.residents;
