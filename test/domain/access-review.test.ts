import assert from 'node:assert/strict';
import { chosenRemovals, removalRequestId, reviewDeadlines } from '../../src/domain/access-review';
import { openReview } from '../views/fixtures';

describe('access review rules', () => {
  it('derives the same removal request id for the same review and trustee, and different ones otherwise', () => {
    const id = removalRequestId('rev1', '7A3B4D77-EB0F-4391-BBE4-4013D6377CDC');
    assert.equal(id, removalRequestId('rev1', '7a3b4d77-eb0f-4391-bbe4-4013d6377cdc'));
    assert.notEqual(id, removalRequestId('rev2', '7a3b4d77-eb0f-4391-bbe4-4013d6377cdc'));
    assert.notEqual(id, removalRequestId('rev1', 'dd1f9172-f868-4219-ab4e-ec11546f6836'));
    assert.match(id, /^rev1-[0-9a-f]{12}$/);
  });

  it('is due after a week, or after the period when that is shorter, with the reminder half way', () => {
    const start = new Date('2026-11-25T00:00:00.000Z');
    assert.deepEqual(reviewDeadlines(start, 90), { remindAt: '2026-11-28T12:00:00.000Z', dueAt: '2026-12-02T00:00:00.000Z' });
    assert.deepEqual(reviewDeadlines(start, 2), { remindAt: '2026-11-26T00:00:00.000Z', dueAt: '2026-11-27T00:00:00.000Z' });
  });

  it('counts only removals of trustees the stored review lists', () => {
    const choices = { 'u-ann': 'remove', 'g-sales': 'keep', 'u-stranger': 'remove' } as const;
    assert.deepEqual(chosenRemovals(openReview, choices).map((e) => e.trustee.id), ['u-ann']);
  });
});
