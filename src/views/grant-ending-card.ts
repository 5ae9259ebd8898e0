import grantEndingTemplate from '../../cards/grant-ending.json';
import type { ChangeRequest } from '../domain/change-request';
import { grantLengthDays } from '../domain/grant-period';
import { rightsText } from '../domain/rights-text';
import { instantText } from './format';
import { render } from './render';
import type { View } from './view';

export interface GrantEndingCardData {
  readonly requestId: string;
  readonly title: string;
  readonly text: string;
  readonly mailbox: string;
  readonly rights: string;
  readonly ends: string;
  readonly extendTitle: string;
}

type TimeBoundGrant = ChangeRequest & { readonly change: { readonly kind: 'grant'; readonly until: string } };

function isTimeBoundGrant(request: ChangeRequest): request is TimeBoundGrant {
  return request.change.kind === 'grant' && request.change.until !== undefined;
}

/** The trustee's reminder, two days before the end, with a button that asks for as long again. */
export function grantEndingView(request: ChangeRequest): View {
  if (!isTimeBoundGrant(request)) throw new Error('Only a time-bound grant ends');
  const { change } = request;
  const days = grantLengthDays(request.createdAt, change.until);
  const ends = instantText(change.until);
  const text = `Your ${rightsText(change.rights)} on ${change.mailbox.displayName} ends ${ends}. Need it longer? Ask for ${days} more ${days === 1 ? 'day' : 'days'}: the owners approve it as usual.`;
  const data: GrantEndingCardData = {
    requestId: request.id,
    title: 'Your access ends soon',
    text,
    mailbox: `${change.mailbox.displayName} (${change.mailbox.address})`,
    rights: rightsText(change.rights),
    ends,
    extendTitle: `Ask for ${days} more ${days === 1 ? 'day' : 'days'}`,
  };
  return { card: render<GrantEndingCardData>(grantEndingTemplate, data), text };
}

/** What the trustee and the approver are told once a time-bound grant has been removed. */
export function grantEndedText(request: ChangeRequest): string {
  const { change } = request;
  if (change.kind !== 'grant') throw new Error('Only a grant ends');
  const approved = request.decision ? `, approved by ${request.decision.by.displayName},` : '';
  return `The time-bound grant of ${rightsText(change.rights)} on ${change.mailbox.displayName} to ${change.trustee.displayName}${approved} has ended (request ${request.id}): the access is removed.`;
}
