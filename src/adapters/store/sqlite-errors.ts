import { AppError } from '../../domain/errors';

/** Result codes that mean "try again later" rather than "the bot has a bug". */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/;

export function sqliteCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

/** Runs a synchronous database call, turning transient engine failures into AppError('unavailable'). */
export function sqliteCall<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = sqliteCode(err);
    if (code !== undefined && TRANSIENT.test(code)) {
      const message = 'The bot database is busy or unavailable; try again in a moment.';
      throw new AppError('unavailable', message, { cause: err });
    }
    throw err;
  }
}
