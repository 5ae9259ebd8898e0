import assert from 'node:assert/strict';
import { viewOutcome } from '../../src/views';
import { buttonVerbs, cardText } from './card-inspect';
import { ann, outcomes, plan, requests } from './fixtures';

describe('help view', () => {
  const help = (isAdmin: boolean, isApprover: boolean): string => viewOutcome({ kind: 'help', isAdmin, isApprover }, ann.id).text;

  it('shows only the commands anyone may use when the user is neither approver nor admin', () => {
    const text = help(false, false);
    assert.match(text, /who can access info@/);
    assert.match(text, /add bob to info@/);
    assert.doesNotMatch(text, /pending|history|owners|approvals channel/);
  });

  it('adds pending and history when the user is an approver', () => {
    const text = help(false, true);
    assert.match(text, /- pending:/);
    assert.match(text, /- history info@:/);
    assert.doesNotMatch(text, /add owner|approvals channel/);
  });

  it('adds owner and channel commands when the user is an admin', () => {
    const text = help(true, false);
    assert.match(text, /- pending:/);
    assert.match(text, /- add owner dana to info@:/);
    assert.match(text, /- set approvals channel:/);
  });

  it('repeats what was not understood', () => {
    assert.match(viewOutcome(outcomes.help, ann.id).text, /^Sorry, I did not understand "gimme info"\./);
    assert.match(cardText(viewOutcome(outcomes.help, ann.id).card), /remove owner dana from info@/);
  });
});

describe('plan preview view', () => {
  const view = viewOutcome({ kind: 'request-created', request: requests.pending, plan }, ann.id);

  it('says who gets what, what is already held, automapping and the end date', () => {
    for (const line of ['For: Bob Jones', 'Rights: Full Access', 'Already has: Send As (nothing to do)', 'Automapping: on', 'Ends: 25 Dec 2026']) {
      assert.ok(view.text.split('\n').includes(line), `missing ${line}`);
    }
  });

  it('lists effects and warnings and who it was sent to', () => {
    assert.match(view.text, /What will happen:\n- Bob Jones gets Full Access\.\n- Info appears in Bob Jones's Outlook within 60 minutes\./);
    assert.match(view.text, /Warnings:\n- The mailbox is hidden from address lists/);
    assert.match(view.text, /Sent to 2 approvers/);
    assert.match(cardText(view.card), /Warnings/);
  });

  it('adds the Outlook delay when the plan does not mention it', () => {
    const quiet = viewOutcome({ kind: 'request-created', request: requests.pending, plan: { ...plan, effects: ['Bob Jones gets Full Access.'], warnings: [] } }, ann.id);
    assert.match(quiet.text, /Changes can take up to 60 minutes to show in Outlook\./);
    assert.doesNotMatch(JSON.stringify(quiet.card), /"Warnings"/);
  });

  it('offers only Cancel, carrying the request id', () => {
    assert.deepEqual(buttonVerbs(view.card), ['request.cancel']);
    assert.match(JSON.stringify(view.card), /"verb":"request\.cancel","data":\{"requestId":"req-1001"\}/);
  });

  it('says groups never automap when access goes to a group', () => {
    const group = viewOutcome({ kind: 'request-created', request: requests.toGroup, plan }, ann.id);
    assert.match(group.text, /Automapping: — \(groups never automap\)/);
  });
});
