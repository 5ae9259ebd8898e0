import type { Deps } from '../deps';
import type { ChangeRequest } from '../../domain/change-request';
import { writeIfUnchanged } from './load';

/** The trustee is offered an extension this many days before a time-bound grant ends. */
export const REMINDER_DAYS = 2;
const DAY_MS = 86_400_000;

/** A carried-out time-bound grant of a person, ending within the reminder window, not yet reminded. */
function needsReminder(request: ChangeRequest, now: Date): boolean {
  const change = request.change;
  if (request.status !== 'done' || change.kind !== 'grant' || change.until === undefined) return false;
  if (request.reminderSentAt !== undefined || change.trustee.kind !== 'user') return false;
  const end = Date.parse(change.until);
  const remindFrom = end - REMINDER_DAYS * DAY_MS;
  // A grant no longer than the window would be "ending soon" from its first day: nobody is reminded of it.
  return now.getTime() >= remindFrom && now.getTime() < end && Date.parse(request.createdAt) < remindFrom;
}

/**
 * Offers each trustee whose grant ends soon a card to ask for an extension. The request is marked
 * first, conditionally, so with several instances and repeated sweeps the card goes out once.
 */
export async function remindEndingGrants(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = (await deps.store.listRequests({ statuses: ['done'] })).filter((r) => needsReminder(r, now));
  let sent = 0;
  for (const request of due) {
    const marked = await writeIfUnchanged(deps, { ...request, reminderSentAt: now.toISOString() });
    if (!marked) continue;
    try {
      await deps.notifier.grantEnding(marked);
      sent += 1;
    } catch (error) {
      deps.log.error('could not offer an extension', { requestId: request.id, error });
    }
  }
  return sent;
}
