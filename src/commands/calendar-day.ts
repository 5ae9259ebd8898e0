import { AppError } from '../domain/errors';

/** A YYYY-MM-DD that is a real day on the calendar (past or future), as typed. */
export function calendarDay(word: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  if (match === null) throw new AppError('invalid', 'Write the date as YYYY-MM-DD, for example "since 2026-11-01".');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new AppError('invalid', `${word} is not a date on the calendar.`);
  }
  return word;
}
