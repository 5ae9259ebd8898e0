import { AppError } from '../../domain/errors';
import { ExchangeCommandError } from './exo-envelope';

const NOT_FOUND = /ManagementObjectNotFound|RecipientNotFound|couldn't be found|could not be found|wasn't found/i;
const BUSY = 'Exchange is busy, try again in a minute.';

export function isNotFound(error: unknown): boolean {
  return error instanceof ExchangeCommandError && (error.status === 404 || NOT_FOUND.test(`${error.exceptionType ?? ''} ${error.detail}`));
}

/** What a person reads when Exchange says no; the service's own words stay in `cause`. */
export function toAppError(error: unknown, subject: string): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof ExchangeCommandError)) {
    if (error instanceof Error && /Authentication|Credential/.test(error.name)) {
      return new AppError('unavailable', 'The bot could not sign in to Exchange Online. An administrator needs to check its app credentials.', { cause: error });
    }
    return new AppError('unavailable', BUSY, { cause: error });
  }
  if (isNotFound(error)) {
    const named = /object '([^']*)'/.exec(error.detail) ?? /(?:user or group|recipient) "([^"]*)"/i.exec(error.detail);
    if (named && named[1] === '') return new AppError('not-found', 'Exchange could not find that person or group.', { cause: error });
    return new AppError('not-found', `Exchange has no mailbox or recipient called “${named?.[1] ?? subject}”.`, { cause: error });
  }
  if (error.status === 403) {
    return new AppError('forbidden', `The bot is not allowed to run ${error.cmdlet} in Exchange Online. An administrator needs to check its Exchange role.`, { cause: error });
  }
  if (error.status === 400) {
    return new AppError('invalid', `Exchange did not accept that for “${subject}”: ${error.detail}`, { cause: error });
  }
  if (error.status === 401) {
    return new AppError('unavailable', 'Exchange Online refused the bot’s sign-in. An administrator needs to check its app credentials.', { cause: error });
  }
  return new AppError('unavailable', BUSY, { cause: error });
}

/** New-Mailbox refusing an address some other recipient already has. */
export function isAddressTaken(error: unknown): boolean {
  return error instanceof ExchangeCommandError && /proxy address .* is already being used/i.test(error.detail);
}

/** Exchange sizes read "1.2 GB (1,288,490,188 bytes)": the byte count in brackets is exact. */
export function sizeInBytes(value: unknown): number | undefined {
  const bytes = typeof value === 'string' ? /\(([\d,]+) bytes\)/.exec(value) : null;
  return bytes?.[1] === undefined ? undefined : Number(bytes[1].replace(/,/g, ''));
}
