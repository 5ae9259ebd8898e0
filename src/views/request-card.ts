import template from '../../cards/request.json';
import type { ChangeRequest, PrincipalRef } from '../domain/change-request';
import type { Viewer } from '../app/outcome';
import { changeText, dayText, grantAutomappingText, mailboxText, rightNames } from './format';
import { renderPlain } from './render';
import { statusLine, type StatusStyle } from './request-status';
import type { View } from './view';
import { isSettingChange } from '../domain/setting-change';
import { settingFacts, settingTitle } from './setting-facts';

/** Teams refreshes a card automatically for at most 60 users. */
export const MAX_REFRESH_USERS = 60;

interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface RequestCardData {
  readonly requestId: string;
  readonly refreshUserIds: readonly string[];
  readonly notice: string;
  readonly title: string;
  readonly change: string;
  readonly mailbox: string;
  readonly requester: string;
  readonly details: readonly Fact[];
  readonly status: string;
  readonly statusStyle: StatusStyle;
  readonly notes: readonly string[];
  readonly canDecide: boolean;
  readonly canRetry: boolean;
  readonly canCancel: boolean;
  readonly canUndo: boolean;
}

/** The approval / status card of a request, as `viewer` sees it. */
export function requestCard(request: ChangeRequest, viewer: Viewer, notice?: string): View {
  const data = requestCardData(request, viewer, notice);
  return { card: renderPlain(template, data), text: requestText(data) };
}

/** To the requester when no approver could be sent the card: the request stands, approvers find it with `pending`. */
export function undeliveredText(request: ChangeRequest): string {
  return `I couldn't deliver the approval card for "${changeText(request.change)}" to any approver yet. ` +
    'The request is saved: approvers see it when they send me "pending".';
}

/** The requester first, so they keep a live card even when there are more approvers than Teams allows. */
export function refreshUserIds(request: ChangeRequest): string[] {
  return [...new Set([request.requester.id, ...request.approverIds])].slice(0, MAX_REFRESH_USERS);
}

function requestCardData(request: ChangeRequest, viewer: Viewer, notice = ''): RequestCardData {
  const status = statusLine(request);
  const pending = request.status === 'pending';
  return {
    requestId: request.id,
    refreshUserIds: refreshUserIds(request),
    notice,
    title: isSettingChange(request.change) ? settingTitle(request.change) : request.change.kind === 'grant' ? 'Access request' : 'Removal request',
    change: changeText(request.change),
    mailbox: mailboxText(request.change.mailbox),
    requester: request.requester.displayName,
    details: details(request),
    status: status.text,
    statusStyle: status.style,
    notes: status.notes,
    canDecide: viewer === 'approver' && pending,
    canRetry: viewer === 'approver' && request.status === 'failed',
    canCancel: viewer === 'requester' && pending,
    // Everyone but the requester may see it; the server checks the clicker approves for the mailbox.
    canUndo: viewer !== 'requester' && request.status === 'done' && !request.undoOf && ['grant', 'revoke'].includes(request.change.kind),
  };
}

function details(request: ChangeRequest): Fact[] {
  const change = request.change;
  if (isSettingChange(change)) {
    const reason = request.reason ? [{ title: 'Reason', value: request.reason }] : [];
    return [...settingFacts(change), ...reason, { title: 'Reference', value: request.id }];
  }
  const facts: Fact[] = [
    { title: change.kind === 'grant' ? 'For' : 'From', value: trusteeText(change.trustee) },
    { title: 'Rights', value: rightNames(change.rights) },
  ];
  if (change.kind === 'grant') {
    if (change.rights.includes('full-access')) facts.push({ title: 'Automapping', value: grantAutomappingText(change) });
    facts.push({ title: 'Ends', value: change.until ? dayText(change.until) : 'no end date' });
  }
  if (request.reason) facts.push({ title: 'Reason', value: request.reason });
  facts.push({ title: 'Reference', value: request.id });
  return facts;
}

const trusteeText = (trustee: PrincipalRef): string =>
  trustee.kind === 'group' ? `${trustee.displayName} (group, ${trustee.address})` : `${trustee.displayName} (${trustee.address})`;

function requestText(data: RequestCardData): string {
  const actions = [
    data.canDecide ? 'You can approve or reject this request.' : '',
    data.canRetry ? 'You can approve it again to retry.' : '',
    data.canCancel ? 'You can cancel this request.' : '',
    data.canUndo ? `An approver can undo this change: "undo ${data.requestId}".` : '',
  ];
  return [
    data.notice,
    `${data.title}: ${data.change}`,
    `Mailbox: ${data.mailbox}`,
    `Requested by: ${data.requester}`,
    ...data.details.map((fact) => `${fact.title}: ${fact.value}`),
    `Status: ${data.status}`,
    ...data.notes,
    ...actions,
  ]
    .filter(Boolean)
    .join('\n');
}
