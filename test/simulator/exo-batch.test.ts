import assert from 'node:assert/strict';
import { EXO_SCOPE, startHarness, type Harness } from './helpers';

describe('simulator: EXO $batch', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });
  beforeEach(async () => { await h.reset(); });

  const batch = async (requests: unknown[]) => {
    const response = await fetch(`${h.sim.url}/adminapi/beta/${h.sim.tenantId}/$batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await h.token(EXO_SCOPE)}`, 'Content-Type': 'application/json', Prefer: 'odata.continue-on-error' },
      body: JSON.stringify({ requests }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const item = (id: string, cmdlet: string, parameters: Record<string, unknown>) => ({
    id, method: 'POST', url: `${h.sim.url}/adminapi/beta/${h.sim.tenantId}/InvokeCommand`,
    headers: { 'Content-Type': 'application/json' }, body: { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } },
  });

  it('answers each item with its own status and envelope and journals one entry per cmdlet', async () => {
    await h.token(EXO_SCOPE);
    await fetch(`${h.sim.url}/__admin/requests`, { method: 'DELETE' });
    const { status, body } = await batch([
      item('0', 'Get-MailboxPermission', { Identity: 'info@contoso.com' }),
      item('1', 'Get-Mailbox', { Identity: 'nobody@contoso.com' }),
      item('2', 'Add-RecipientPermission', { Identity: 'sales', Trustee: 'adele@contoso.com', AccessRights: ['SendAs'], Confirm: false }),
    ]);
    assert.equal(status, 200);
    assert.deepEqual(body.responses.map((r: { id: string; status: number }) => [r.id, r.status]), [['0', 200], ['1', 404], ['2', 200]]);
    assert.ok(Array.isArray(body.responses[0].body.value));
    assert.equal(body.responses[1].body.error.code, 'NotFound');
    const journal = (await (await fetch(`${h.sim.url}/__admin/requests`)).json()) as { requests: Array<Record<string, unknown>> };
    assert.deepEqual(journal.requests.map((r) => [r['cmdlet'], r['status']]), [['Get-MailboxPermission', 200], ['Get-Mailbox', 404], ['Add-RecipientPermission', 200]]);
    assert.deepEqual(journal.requests[2]!['parameters'], { Identity: 'sales', Trustee: 'adele@contoso.com', AccessRights: ['SendAs'], Confirm: false });
  });

  it('refuses a batch of more than ten requests', async () => {
    const requests = Array.from({ length: 11 }, (_, i) => item(String(i), 'Get-Mailbox', { Identity: 'info' }));
    assert.equal((await batch(requests)).status, 400);
  });

  it('checks the token of each item', async () => {
    const bad = { ...item('0', 'Get-Mailbox', { Identity: 'info' }), headers: { Authorization: 'Bearer nonsense' } };
    const { body } = await batch([bad, item('1', 'Get-Mailbox', { Identity: 'info' })]);
    assert.deepEqual(body.responses.map((r: { status: number }) => r.status), [401, 200]);
  });
});
