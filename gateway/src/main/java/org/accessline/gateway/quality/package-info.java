/**
 * Quality review, as pure decisions over data: scorecards and their questions, how an evaluation is
 * scored, which records are sampled for review each week, and how far a calibration reviewer is from
 * the reference. No Vert.x, no store.
 */
package org.accessline.gateway.quality;
