import { GraphError } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/errors';

/** What a person reads when the directory says no; Graph's own words stay in `cause`. */
export function toDirectoryError(error: unknown, subject: string): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof GraphError)) return new AppError('unavailable', 'The directory is busy, try again in a minute.', { cause: error });
  if (error.statusCode <= 0 && /Authentication|Credential/.test(error.code ?? '')) {
    return new AppError('unavailable', 'The bot could not sign in to Microsoft Graph. An administrator needs to check its app credentials.', { cause: error });
  }
  switch (error.statusCode) {
    case 400:
      return new AppError('invalid', `The directory did not understand “${subject}”.`, { cause: error });
    case 401:
      return new AppError('unavailable', 'Microsoft Graph refused the bot’s sign-in. An administrator needs to check its app credentials.', { cause: error });
    case 403:
      return new AppError('forbidden', 'The bot is not allowed to read the directory. An administrator needs to check its Graph permissions.', { cause: error });
    case 404:
      return new AppError('not-found', `Nothing in the directory matches “${subject}”.`, { cause: error });
    default:
      return new AppError('unavailable', 'The directory is busy, try again in a minute.', { cause: error });
  }
}
