import { AppError } from '../domain/errors';
import type { Duration } from './command';

export const MAX_DAYS = 3650;
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, days: 1, week: 7, weeks: 7 };

/** Whether a word could be the count in "for <n> days" (a number, or a small number word). */
export function looksLikeCount(word: string): boolean {
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(word) || NUMBER_WORDS[word] !== undefined;
}

/** "for <n> days|weeks": n is a whole number from 1 to 3650, and the total at most ten years. */
export function parseFor(count: string, unit: string | undefined): Duration {
  const perUnit = unit === undefined ? undefined : UNIT_DAYS[unit];
  if (perUnit === undefined) {
    throw new AppError('invalid', `Say how long in days or weeks, for example "for ${count} days".`);
  }
  const n = NUMBER_WORDS[count] ?? (/^\+?\d+$/.test(count) ? Number(count) : NaN);
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) {
    throw new AppError('invalid', `"for ${count} ${unit}" needs a whole number from 1 to ${MAX_DAYS}.`);
  }
  const days = n * perUnit;
  if (days > MAX_DAYS) {
    throw new AppError('invalid', `Access can be granted for at most ${MAX_DAYS} days (about ten years).`);
  }
  return { days };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "until YYYY-MM-DD": a real calendar date, today or later. */
export function parseUntil(word: string | undefined, today: Date): Duration {
  const match = word === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  if (word === undefined || match === null) {
    throw new AppError('invalid', 'Write the end date as YYYY-MM-DD, for example "until 2030-12-31".');
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new AppError('invalid', `${word} is not a date on the calendar.`);
  }
  if (word < isoDay(today)) {
    throw new AppError('invalid', `${word} is in the past; give an end date from today (${isoDay(today)}) on.`);
  }
  return { until: word };
}
