import type { Deps } from '../deps';
import { AppError } from '../../domain/errors';

/** Policy MAX_GRANT_DAYS: a time-bound grant may not last longer. */
export function refuseLongerThanAllowed(deps: Deps, days: number): void {
  const max = deps.policy.maxGrantDays;
  if (max === undefined || days <= max) return;
  throw new AppError('invalid', `Access can be granted for at most ${max} ${max === 1 ? 'day' : 'days'} at a time; you asked for ${days}. Ask for ${max} days or fewer.`);
}
