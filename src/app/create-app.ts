import type { Command } from '../commands/command';
import { AppError } from '../domain/errors';
import type { Actor } from './actor';
import type { App } from './app';
import type { Deps } from './deps';
import { help } from './help';
import { myMailboxes } from './my-mailboxes';
import type { Outcome } from './outcome';
import { resumePick, withPicks } from './picks';
import * as requests from './requests';
import * as settings from './settings';
import { whoCanAccess } from './who-can-access';
import { diagnose } from './diagnose';
import { exportHistory } from './export-history';
import { report } from './report/report';
import { undo } from './undo';
import { verifyHistory } from './verify-history';
import * as reviews from './review';

/** The core: one exhaustive switch from Command to use case. */
export function createApp(deps: Deps): App {
  const route = (actor: Actor, command: Command): Promise<Outcome> => {
    switch (command.kind) {
      case 'help': return help(deps, actor, command);
      case 'who-can-access': return whoCanAccess(deps, actor, command);
      case 'my-mailboxes': return myMailboxes(deps, actor, command);
      case 'request-grant': return requests.requestGrant(deps, actor, command);
      case 'request-revoke': return requests.requestRevoke(deps, actor, command);
      case 'pending': return requests.pending(deps, actor, command);
      case 'history': return requests.history(deps, actor, command);
      case 'owners': return requests.owners(deps, actor, command);
      case 'add-owner': return requests.addOwner(deps, actor, command);
      case 'remove-owner': return requests.removeOwner(deps, actor, command);
      case 'set-approvals-channel': return requests.setApprovalsChannel(deps, actor, command);
      case 'decide': return requests.decide(deps, actor, command);
      case 'cancel': return requests.cancel(deps, actor, command);
      case 'refresh': return requests.refresh(deps, actor, command);
      case 'pick-person': return resumePick(deps, actor, command.pending, command.personId, route);
      case 'diagnose': return diagnose(deps, actor, command);
      case 'undo': return undo(deps, actor, command);
      case 'extend-grant': return requests.extendGrant(deps, actor, command);
      case 'verify-history': return verifyHistory(deps, actor, command);
      case 'export-history': return exportHistory(deps, actor, command);
      case 'report': return report(deps, actor, command);
      case 'review': return reviews.startReview(deps, actor, command);
      case 'submit-review': return reviews.submitReview(deps, actor, command);
      case 'mailbox-settings': return settings.mailboxSettings(deps, actor, command);
      case 'request-automap': return settings.requestAutomap(deps, actor, command);
      case 'request-forwarding': return settings.requestForwarding(deps, actor, command);
      case 'request-sent-items': return settings.requestSentItems(deps, actor, command);
      case 'request-auto-reply': return settings.requestAutoReply(deps, actor, command);
      case 'request-address-lists': return settings.requestAddressLists(deps, actor, command);
      case 'request-block-sign-in': return settings.requestBlockSignIn(deps, actor, command);
      case 'request-create-mailbox': return settings.requestCreateMailbox(deps, actor, command);
      case 'request-convert': return settings.requestConvert(deps, actor, command);
    }
  };
  return {
    execute: async (actor, command) => {
      try {
        return await withPicks(deps, actor, command, route);
      } catch (error) {
        return refusedOnTheCard(deps, actor, command, error);
      }
    },
  };
}

/**
 * A refused click on a request card answers with that request's card and the reason, so the card stays
 * useful (the clicker sees the status, not a blank error); everything else propagates.
 */
async function refusedOnTheCard(deps: Deps, actor: Actor, command: Command, error: unknown): Promise<Outcome> {
  const requestId = command.kind === 'decide' || command.kind === 'cancel' || command.kind === 'undo' ? command.requestId : undefined;
  if (!(error instanceof AppError) || error.code !== 'forbidden' || !requestId) throw error;
  const current = await requests.refresh(deps, actor, { kind: 'refresh', requestId });
  if (current.kind !== 'request-status') return current;
  // Whoever was just refused gets no decision buttons back, even if the stored approver list still names them.
  const viewer = current.request.requester.id === actor.id ? 'requester' : 'other';
  return { ...current, viewer, notice: error.message };
}
