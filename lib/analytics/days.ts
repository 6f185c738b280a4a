/** UTC calendar days as `YYYY-MM-DD` (pure helpers; analytics are kept per UTC day). */

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  return DAY_RE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The day containing `at`. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `[start, end)` of a day as Dates. */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00.000Z`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

export function addDays(day: string, n: number): string {
  return dayOf(new Date(dayBounds(day).start.getTime() + n * DAY_MS));
}

/** `count` consecutive days ending with `last`, oldest first. */
export function daysEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}
