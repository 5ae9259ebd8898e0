import template from '../../cards/pending-list.json';
import type { ChangeRequest } from '../domain/change-request';
import { capped, changeText, dayText, plural, truncated } from './format';
import { render } from './render';
import type { View } from './view';

const MAX_REQUESTS = 15;
const REQUEST_BYTES = 5_000;

export interface PendingListCardData {
  readonly title: string;
  readonly requests: readonly { readonly requestId: string; readonly change: string; readonly asked: string }[];
  readonly more: string;
}

/** Requests waiting for the viewer; "Review" opens each one's own approval card. */
export function pendingListView(requests: readonly ChangeRequest[]): View {
  const rows = requests.map((request) => ({ requestId: request.id, change: changeText(request.change), asked: askedText(request) }));
  const { shown, more } = capped(rows, MAX_REQUESTS, REQUEST_BYTES);
  const data: PendingListCardData = {
    title: requests.length === 0 ? 'Nothing is waiting for your decision' : `${plural(requests.length, 'request')} waiting for your decision`,
    requests: shown,
    more,
  };
  const lines = data.requests.map((row) => `- ${row.change} (${row.asked}; reference ${row.requestId})`);
  return { card: render(template, data), text: [data.title, ...lines, more].filter(Boolean).join('\n') };
}

function askedText(request: ChangeRequest): string {
  const because = request.reason ? ` because "${truncated(request.reason, 200)}"` : '';
  return `Asked by ${request.requester.displayName} on ${dayText(request.createdAt)}${because} · expires ${dayText(request.expiresAt)}`;
}
