import assert from 'node:assert/strict';
import { viewOutcome } from '../../src/views';
import { cardText, sizeInBytes } from './card-inspect';
import { ann, bigReport, report } from './fixtures';

const TEAMS_CARD_LIMIT = 28 * 1024;

describe('access report view', () => {
  const view = viewOutcome({ kind: 'access-report', report }, ann.id);
  const visible = cardText(view.card);

  it('shows each person with how they hold the right and their automapping when the report is rendered', () => {
    for (const text of [visible, view.text]) {
      assert.match(text, /Ann Lee[\s\S]{0,5}directly · automapping on/);
      assert.match(text, /Bob Jones[\s\S]{0,5}via Sales → Sales EMEA · automapping —/);
      assert.match(text, /Dana Park[\s\S]{0,5}directly · automapping unknown/);
    }
  });

  it('counts people per right and says nobody holds a right when none does', () => {
    assert.match(view.text, /Full Access \(3\):/);
    assert.match(view.text, /Send As \(1\):\n- Ann Lee, directly\n/);
    assert.match(view.text, /Send on Behalf \(0\):\n- nobody/);
    assert.match(visible, /Send on Behalf \(0\)\nNobody/);
  });

  it('lists group grants with their size and that groups never automap', () => {
    assert.match(visible, /Granted to groups: Sales \(12 members\)\. Groups never automap/);
  });

  it('explains each pitfall in a sentence when the mailbox has warnings', () => {
    const expected = [
      /hidden from address lists, which breaks access for delegates/,
      /own account can sign in\. Block sign-in/,
      /Deny entry for carol@contoso\.com on Send As overrides any grant/,
      /Erik Olsen holds Full Access but the account is disabled/,
      /belongs to a deleted account \(S-1-5-21-[\d-]+\) and should be removed/,
      /external address archive@fabrikam\.com\. The default outbound spam policy blocks .*5\.7\.520/,
    ];
    for (const pattern of expected) {
      assert.match(visible, pattern);
      assert.match(view.text, pattern);
    }
  });

  it('describes external forwarding and whether a copy is kept', () => {
    assert.match(view.text, /Forwards all mail to the external address archive@fabrikam\.com and keeps a copy\./);
    const internal = viewOutcome(
      { kind: 'access-report', report: { ...report, forwarding: { address: 'team@contoso.com', external: false, keepsCopy: false }, warnings: [] } },
      ann.id,
    );
    assert.match(internal.text, /Forwards all mail to team@contoso\.com without keeping a copy\./);
    assert.doesNotMatch(JSON.stringify(internal.card), /"Warnings"/);
  });

  it('offers a refresh that names the mailbox exactly', () => {
    assert.match(JSON.stringify(view.card), /"verb":"access\.show","data":\{"mailbox":"mailbox:info@contoso\.com"\}/);
  });

  it('stays under the Teams 28 KB limit and says how many rows were left out when a 500-member group has every right', () => {
    const big = viewOutcome({ kind: 'access-report', report: bigReport(500) }, ann.id);
    assert.ok(sizeInBytes(big.card, big.text) < TEAMS_CARD_LIMIT, `card is ${sizeInBytes(big.card, big.text)} bytes`);
    assert.equal(cardText(big.card).match(/and 450 more/g)?.length, 3);
    assert.equal(big.text.match(/and 480 more/g)?.length, 3);
    assert.match(big.text, /Full Access \(500\)/);
    assert.match(cardText(big.card), /Member 049 Example-Longname/);
    assert.doesNotMatch(cardText(big.card), /Member 050 Example-Longname/);
  });
});

describe('warning sentences', () => {
  it('names the mailbox kind with the right article when the mailbox is not shared', () => {
    const text = (kind: 'user' | 'equipment' | 'other'): string =>
      viewOutcome({ kind: 'access-report', report: { ...report, warnings: [{ code: 'not-shared', kind }] } }, ann.id).text;
    assert.match(text('user'), /This is a user mailbox, not a shared mailbox/);
    assert.match(text('equipment'), /This is an equipment mailbox, not a shared mailbox/);
    assert.match(text('other'), /This is not a shared mailbox/);
  });
});
