import assert from 'node:assert/strict';
import type { Outcome } from '../../src/app/outcome';
import { requestCard, viewOutcome } from '../../src/views';
import { sizeInBytes } from './card-inspect';
import { ann, bigReport, bigReview, outcomes, reachable, requestIn, requests } from './fixtures';

const TEAMS_CARD_LIMIT = 28 * 1024;
const long = (length: number): string => 'Lorem ipsum dolor sit amet '.repeat(Math.ceil(length / 27)).slice(0, length);

const oversized: Record<string, Outcome> = {
  'an access report of 2,000 people with 200-character names': {
    kind: 'access-report',
    report: (() => {
      const report = bigReport(2000);
      return { ...report, entries: report.entries.map((entry) => ({ ...entry, person: { ...entry.person, displayName: long(200) } })) };
    })(),
  },
  'a history of 500 entries with long details': {
    ...outcomes.history,
    entries: Array.from({ length: 500 }, (_, i) => ({ ...outcomes.history.entries[0]!, id: `a${i}`, detail: long(2000) })),
  },
  'a pending list of 200 requests with long reasons': {
    kind: 'pending-list',
    requests: Array.from({ length: 200 }, (_, i) => ({ ...requests.pending, id: `req-${i}`, reason: long(500) })),
  },
  'my mailboxes with 300 entries': {
    ...outcomes['my-mailboxes'],
    mailboxes: Array.from({ length: 300 }, (_, i) => ({ ...reachable[0]!, mailbox: { ...reachable[0]!.mailbox, displayName: `${long(100)} ${i}` } })),
  },
  'a review of 300 trustees with long names': { kind: 'access-review', review: bigReview(300, long(200)), removals: [] },
  'a submitted review of 300 trustees with long names, all removed': {
    kind: 'access-review',
    review: { ...bigReview(300, long(200)), status: 'submitted' },
    removals: bigReview(300, long(200)).entries.map((entry, i) => ({ trustee: entry.trustee, request: { ...requests.done, id: `rev-1-${i}` } })),
  },
};

describe('card size', () => {
  for (const [name, outcome] of Object.entries(oversized)) {
    it(`stays under 28 KB with its text and says how much was left out when showing ${name}`, () => {
      const view = viewOutcome(outcome, ann.id);
      const size = sizeInBytes(view.card, view.text);
      assert.ok(size < TEAMS_CARD_LIMIT, `${size} bytes`);
      assert.match(view.text, /and \d+ more/);
    });
  }

  it('stays under 28 KB when a request has a long reason and 60 approvers', () => {
    const request = requestIn('done', { ...requests.done, reason: long(500), approverIds: Array.from({ length: 200 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`) });
    const view = requestCard(request, 'approver');
    assert.ok(sizeInBytes(view.card, view.text) < TEAMS_CARD_LIMIT);
  });
});
