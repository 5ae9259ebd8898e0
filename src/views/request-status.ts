import type { ChangeRequest } from '../domain/change-request';
import { dayText } from './format';
import { OUTLOOK_DELAY } from './warnings';

const RUNNING = 'This card updates itself when Exchange confirms the change.';

export type StatusStyle = 'default' | 'accent' | 'good' | 'attention' | 'warning';

export interface StatusLine {
  readonly text: string;
  readonly style: StatusStyle;
  /** Sentences under the status: what happened in Exchange, what to expect next. */
  readonly notes: readonly string[];
}

/** The one line everybody reads first: "Waiting for approval", "Approved by Dana · done", "Rejected by Dana: reason". */
export function statusLine(request: ChangeRequest): StatusLine {
  const decider = request.decision?.by.displayName ?? 'an approver';
  const resultWarnings = request.result?.warnings ?? [];
  switch (request.status) {
    case 'pending':
      return { text: 'Waiting for approval', style: 'accent', notes: [`Expires on ${dayText(request.expiresAt)} if nobody decides.`] };
    case 'approved':
    case 'executing':
      return { text: `Approved by ${decider} · running in Exchange`, style: 'accent', notes: [RUNNING] };
    case 'done':
      return { text: `Approved by ${decider} · done`, style: 'good', notes: [...resultWarnings, ...doneNotes(request)] };
    case 'failed':
      return {
        text: `Failed: ${request.result?.error ?? request.execution?.lastError ?? 'Exchange did not confirm the change'}`,
        style: 'attention',
        notes: [...resultWarnings, `Approved by ${decider}. An approver can try again.`],
      };
    case 'rejected': {
      const reason = request.decision?.reason?.trim();
      return { text: `Rejected by ${decider}${reason ? `: ${reason}` : ''}`, style: 'attention', notes: [] };
    }
    case 'cancelled':
      return { text: `Cancelled by ${request.decision?.by.displayName ?? request.requester.displayName}`, style: 'default', notes: [] };
    case 'expired':
      return { text: 'Expired', style: 'default', notes: [`Nobody decided by ${dayText(request.expiresAt)}. Ask again if it is still needed.`] };
    case 'revoked':
      return { text: 'Ended: the time-bound access was removed', style: 'default', notes: endNotes(request) };
  }
}

function doneNotes(request: ChangeRequest): string[] {
  if (request.change.kind !== 'grant') return [OUTLOOK_DELAY];
  const until = request.change.until ? [`Access ends on ${dayText(request.change.until)}.`] : [];
  return [OUTLOOK_DELAY, ...until];
}

function endNotes(request: ChangeRequest): string[] {
  return request.change.kind === 'grant' && request.change.until ? [`Access ended on ${dayText(request.change.until)}.`] : [];
}
