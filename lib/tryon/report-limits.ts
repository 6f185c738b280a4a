/** Free re-rolls one person may start per UTC day (each is a claimed slot, never a count). */
export const REROLL_DAILY_LIMIT = 5;
/** Reports kept per job: the first re-rolls it, the rest are recorded feedback. */
export const MAX_REPORTS_PER_JOB = 5;
