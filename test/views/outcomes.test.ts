import assert from 'node:assert/strict';
import type { Outcome } from '../../src/app/outcome';
import { errorView, viewOutcome } from '../../src/views';
import { cardText } from './card-inspect';
import { ann, outcomes } from './fixtures';

describe('viewOutcome', () => {
  for (const outcome of Object.values(outcomes) as Outcome[]) {
    it(`renders a complete card and a plain-text summary when the outcome is ${outcome.kind}`, () => {
      const view = viewOutcome(outcome, ann.id);
      const json = JSON.stringify(view.card);
      assert.doesNotMatch(json, /\$\{/);
      assert.equal((view.card as { type?: string }).type, 'AdaptiveCard');
      assert.ok(view.text.trim().length > 10, 'text fallback is empty');
      assert.doesNotMatch(view.text, /\$\{|undefined|\[object Object\]/);
      assert.doesNotMatch(cardText(view.card), /undefined|\[object Object\]/);
    });
  }

  it('says "you" on my-mailboxes when the viewer asks about themselves', () => {
    assert.match(viewOutcome(outcomes['my-mailboxes'], ann.id).text, /Shared mailboxes you can reach/);
    assert.match(viewOutcome(outcomes['my-mailboxes'], 'u-someone-else').text, /Shared mailboxes Ann Lee can reach/);
  });

  it('lists each reachable mailbox with how it is reached and a who-has-access button when asked for my mailboxes', () => {
    const view = viewOutcome(outcomes['my-mailboxes'], ann.id);
    assert.match(view.text, /Info \(info@contoso\.com\): Full Access directly · Send As via Sales/);
    assert.match(view.text, /Billing \(billing@contoso\.com\): Send on Behalf directly/);
    assert.match(JSON.stringify(view.card), /"verb":"access\.show","data":\{"mailbox":"mailbox:billing@contoso\.com"\}/);
  });

  it('offers one person.pick button per candidate carrying only ids when a name is ambiguous', () => {
    const view = viewOutcome(outcomes.pick, ann.id);
    const json = JSON.stringify(view.card);
    assert.match(json, /"verb":"person\.pick","data":\{"pending":"pend-7","personId":"5f1c2b7e-0c1d-4e8a-9b3f-1a2b3c4d5e01"\}/);
    assert.match(json, /"verb":"person\.pick","data":\{"pending":"pend-7","personId":"5f1c2b7e-0c1d-4e8a-9b3f-1a2b3c4d5e02"\}/);
    assert.match(view.text, /Which Bob do you mean\?\n- Bob Jones \(bob@contoso\.com · Sales\)/);
  });

  it('lists owners, or says the admins approve, when owners are asked for', () => {
    assert.match(viewOutcome(outcomes.owners, ann.id).text, /Dana Park \(dana@contoso\.com\)/);
    const none = viewOutcome({ ...outcomes.owners, owners: [] }, ann.id);
    assert.match(none.text, /No owners: the admins approve requests for this mailbox\./);
    assert.doesNotMatch(JSON.stringify(none.card), /FactSet/);
  });

  it('shows history newest first with failures marked when history is asked for', () => {
    const view = viewOutcome(outcomes.history, ann.id);
    const lines = view.text.split('\n');
    assert.match(lines[1]!, /25 Nov 2026, 10:00 UTC: Dana Park · executed/);
    assert.match(view.text, /Dana Park · executed · failed\. Remove-RecipientPermission failed/);
    assert.match(JSON.stringify(view.card), /"color":"Attention"/);
  });

  it('caps a long history and says how many were left out', () => {
    const entries = Array.from({ length: 80 }, (_, i) => ({ ...outcomes.history.entries[0]!, id: `a${i}` }));
    const view = viewOutcome({ ...outcomes.history, entries }, ann.id);
    assert.match(view.text, /and 50 more$/);
  });

  it('gives each pending request a Review button that refreshes its own card', () => {
    const view = viewOutcome(outcomes['pending-list'], ann.id);
    assert.match(view.text, /^2 requests waiting for your decision/);
    assert.match(view.text, /Remove Send As from Bob Jones on Info/);
    assert.match(JSON.stringify(view.card), /"verb":"request\.refresh","data":\{"requestId":"req-1001"\}/);
    assert.match(viewOutcome({ kind: 'pending-list', requests: [] }, ann.id).text, /Nothing is waiting for your decision/);
  });

  it('shows the message and the reference when an error is rendered', () => {
    const view = errorView('You cannot decide your own request.', 'ref-42');
    assert.equal(view.text, 'You cannot decide your own request. (reference ref-42)');
    assert.match(cardText(view.card), /Reference: ref-42/);
    assert.doesNotMatch(cardText(errorView('Mailbox not found.').card), /Reference/);
  });
});
