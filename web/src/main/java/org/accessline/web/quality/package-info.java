/**
 * Quality review: scorecards published in versions, reviewers' evaluations of resolved records at
 * their sealed heads, the agent's acknowledgement or dispute, a supervisor's resolution, the weekly
 * sample and calibration. Every read and write of an evaluation is in the audit log.
 */
package org.accessline.web.quality;
