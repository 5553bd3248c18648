package org.accessline.web.auth;

/**
 * What a staff account may do beyond working conversations. Features ask {@link AgentAccount#may}
 * rather than reading the role, so a role's grants live in one place.
 */
public enum Permission {
  /** Watch the floor, take over, whisper, barge, answer escalations, read any record. */
  SUPERVISE,
  /** Add, change, verify and import entries of the resource directory. */
  EDIT_DIRECTORY,
  /** Evaluate records against quality scorecards and publish scorecards. */
  REVIEW_QUALITY,
  /** Manage accounts, queues and categories. */
  ADMINISTER
}
