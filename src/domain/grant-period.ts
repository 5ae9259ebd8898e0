import { AppError } from './errors';

const DAY_MS = 86_400_000;

/** When a time-bound grant ends, and how many days from now that is (rounded up). */
export interface GrantEnd {
  readonly until: string;
  readonly days: number;
}

/** `{ days }` counts from now; `{ until }` (YYYY-MM-DD) ends at the close of that day, UTC. */
export function grantEnd(duration: { readonly days: number } | { readonly until: string }, now: Date): GrantEnd {
  if ('days' in duration) {
    if (!Number.isInteger(duration.days) || duration.days < 1) {
      throw new AppError('invalid', 'A time-bound grant lasts at least one whole day.');
    }
    return { until: new Date(now.getTime() + duration.days * DAY_MS).toISOString(), days: duration.days };
  }
  const end = /^\d{4}-\d{2}-\d{2}$/.test(duration.until) ? Date.parse(`${duration.until}T23:59:59.999Z`) : NaN;
  if (Number.isNaN(end)) throw new AppError('invalid', `"${duration.until}" is not a date: write it as YYYY-MM-DD.`);
  if (end <= now.getTime()) throw new AppError('invalid', `${duration.until} has already passed: pick a later end date.`);
  return { until: new Date(end).toISOString(), days: Math.ceil((end - now.getTime()) / DAY_MS) };
}

/** How many whole days a time-bound grant was asked for (rounded up), counted from when it was asked. */
export function grantLengthDays(createdAt: string, until: string): number {
  return Math.max(1, Math.ceil((Date.parse(until) - Date.parse(createdAt)) / DAY_MS));
}
