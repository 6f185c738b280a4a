/** A cap's counting period: its key in the chain name and when it ends. */
export interface CapPeriod {
  /** `YYYY-MM-DD` (UTC day) or `YYYY-MM` (UTC calendar month). */
  periodKey: string;
  /** When the next period starts (the cap resets). */
  resetsAt: Date;
}

/** The UTC day containing `at`. */
export function utcDayPeriod(at: Date = new Date()): CapPeriod {
  return {
    periodKey: at.toISOString().slice(0, 10),
    resetsAt: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1)),
  };
}

/** The UTC calendar month containing `at`. */
export function utcMonthPeriod(at: Date = new Date()): CapPeriod {
  return {
    periodKey: at.toISOString().slice(0, 7),
    resetsAt: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
  };
}
