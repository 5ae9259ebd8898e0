import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { AppError } from '../../domain/errors';
import { requireAdmin } from './owners';

export const APPROVALS_CHANNEL_KEY = 'settings:approvals-channel';

/** Approval cards for mailboxes without owners go to the channel where an admin says so. */
export async function setApprovalsChannel(
  deps: Deps,
  actor: Actor,
  _command: CommandOf<'set-approvals-channel'>,
): Promise<Outcome> {
  await requireAdmin(deps, actor, 'choose the approvals channel');
  if (actor.conversation.type !== 'channel') {
    throw new AppError('invalid', 'Say "set approvals channel" in the team channel where approval cards should go.');
  }
  await deps.store.putDocument(APPROVALS_CHANNEL_KEY, actor.conversation.reference);
  return { kind: 'notice', text: 'Approval cards for mailboxes without owners now come to this channel.' };
}
