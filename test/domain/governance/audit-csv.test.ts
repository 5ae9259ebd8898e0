import assert from 'node:assert/strict';
import { auditCsv } from '../../../src/domain/audit-csv';

describe('auditCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = auditCsv([
      {
        id: 'a1', at: '2026-11-01T10:00:00.000Z', mailboxId: 'mb', mailboxAddress: 'info@contoso.com',
        actor: { kind: 'user', id: 'u', displayName: '=HYPERLINK("x")', address: 'u@contoso.com' },
        action: 'approved', detail: 'grant Full Access, Send As\nfor "Bob"', outcome: 'ok', requestId: 'r1', prevHash: '', hash: 'h1',
      },
    ]);
    const expected = [
      'time,mailbox,action,outcome,actor,actor address,request,detail,hash,previous hash',
      '2026-11-01T10:00:00.000Z,info@contoso.com,approved,ok,"\'=HYPERLINK(""x"")",u@contoso.com,r1,"grant Full Access, Send As\nfor ""Bob""",h1,',
      '',
    ].join('\r\n');
    assert.equal(csv, expected);
  });
});
