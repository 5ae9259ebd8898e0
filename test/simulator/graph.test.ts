import assert from 'node:assert/strict';
import { GRAPH_SCOPE, ids, startHarness, type Harness } from './helpers';

describe('simulator: Graph v1.0', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });
  beforeEach(async () => { await h.reset(); });

  it('gets a user by id or UPN with $select, and a shared mailbox as a user', async () => {
    const byUpn = await h.graph('GET', 'users/adele@contoso.com?$select=id,mail,userPrincipalName,displayName,accountEnabled');
    assert.equal(byUpn.status, 200);
    assert.match(byUpn.body['@odata.context'], /\$metadata#users\(id,mail,userPrincipalName,displayName,accountEnabled\)\/\$entity$/);
    const { ['@odata.context']: _context, ...user } = byUpn.body;
    assert.deepEqual(user, { id: ids.adele, mail: 'adele@contoso.com', userPrincipalName: 'adele@contoso.com', displayName: 'Adele Vance', accountEnabled: true });
    const mailbox = await h.graph('GET', `users/${ids.reception}?$select=userPrincipalName,accountEnabled`);
    assert.equal(mailbox.body.userPrincipalName, 'reception@contoso.com');
    assert.equal(mailbox.body.accountEnabled, true);
  });

  it('decodes escaped path segments', async () => {
    assert.equal((await h.graph('GET', 'users/adele%40contoso.com?$select=id')).body.id, ids.adele);
    assert.equal((await h.graph('GET', 'users/%E0%A4%A')).status, 404);
  });

  it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
    const { status, body } = await h.graph('GET', 'users/ghost@contoso.com');
    assert.equal(status, 404);
    assert.equal(body.error.code, 'Request_ResourceNotFound');
    assert.ok(body.error.innerError['request-id']);
  });

  it('filters users by mail, UPN, startswith, proxy address and or', async () => {
    const pick = async (filter: string) => (await h.graph('GET', `users?$select=id&$filter=${encodeURIComponent(filter)}`)).body.value.map((u: { id: string }) => u.id);
    assert.deepEqual(await pick("mail eq 'MEGAN@contoso.com'"), [ids.megan]);
    assert.deepEqual(await pick("userPrincipalName eq 'alex@contoso.com' or id eq '" + ids.patti + "'"), [ids.alex, ids.patti]);
    assert.deepEqual(await pick("startswith(displayName,'is')"), [ids.isaiah]);
    assert.deepEqual(await pick("proxyAddresses/any(p:p eq 'smtp:hello@contoso.com')"), [ids.info]);
    const bad = await h.graph('GET', `users?$filter=${encodeURIComponent('mail eq')}`);
    assert.equal(bad.status, 400);
  });

  it('pages users with $top and @odata.nextLink', async () => {
    const seen: string[] = [];
    let next: string | undefined = 'users?$top=4&$select=id';
    while (next) {
      const page = await h.graph('GET', next.replace(`${h.sim.url}/v1.0/`, ''));
      assert.ok(page.body.value.length <= 4);
      seen.push(...page.body.value.map((u: { id: string }) => u.id));
      next = page.body['@odata.nextLink'];
    }
    assert.equal(new Set(seen).size, 11);
  });

  it('leaves accountEnabled out unless selected', async () => {
    const { body } = await h.graph('GET', 'users/adele@contoso.com');
    assert.equal(body.accountEnabled, undefined);
    assert.equal(body.userPrincipalName, 'adele@contoso.com');
  });

  it('blocks sign-in with PATCH accountEnabled and shows it in Get-Mailbox', async () => {
    const patch = await h.graph('PATCH', `users/${ids.reception}`, { accountEnabled: false });
    assert.equal(patch.status, 204);
    assert.equal((await h.graph('GET', `users/${ids.reception}?$select=accountEnabled`)).body.accountEnabled, false);
    assert.equal((await h.exo('Get-Mailbox', { Identity: 'reception' })).body.value[0].AccountDisabled, true);
    assert.equal((await h.graph('PATCH', `users/${ids.reception}`, { accountEnabled: 'no' })).status, 400);
  });

  it('expands nested groups through transitiveMembers and casts', async () => {
    const all = await h.graph('GET', `groups/${ids.financeTeam}/transitiveMembers?$select=id`);
    assert.deepEqual(all.body.value.map((o: { id: string }) => o.id).sort(), [ids.megan, ids.financeEmea, ids.alex, ids.financeParis, ids.patti].sort());
    assert.ok(all.body.value.every((o: Record<string, string>) => o['@odata.type']?.startsWith('#microsoft.graph.')));
    const users = await h.graph('GET', `groups/${ids.financeTeam}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName&$count=true`, undefined, { ConsistencyLevel: 'eventual' });
    assert.deepEqual(users.body.value.map((o: { id: string }) => o.id).sort(), [ids.megan, ids.alex, ids.patti].sort());
    assert.equal(users.body['@odata.count'], 3);
    const direct = await h.graph('GET', `groups/${ids.financeTeam}/members`);
    assert.equal(direct.body.value.length, 2);
  });

  it('lists the groups a user belongs to transitively', async () => {
    const { body } = await h.graph('GET', `users/${ids.patti}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName`);
    assert.deepEqual(body.value.map((g: { displayName: string }) => g.displayName).sort(), ['Finance EMEA', 'Finance Paris', 'Finance team']);
  });

  it('filters groups and reads directory objects by id', async () => {
    const groups = await h.graph('GET', `groups?$filter=${encodeURIComponent("mail eq 'finance-team@contoso.com'")}`);
    assert.deepEqual(groups.body.value.map((g: { id: string; mailEnabled: boolean }) => [g.id, g.mailEnabled]), [[ids.financeTeam, true]]);
    const object = await h.graph('GET', `directoryObjects/${ids.botAdmins}`);
    assert.equal(object.body['@odata.type'], '#microsoft.graph.group');
    const byIds = await h.graph('POST', 'directoryObjects/getByIds', { ids: [ids.adele, ids.botAdmins, ids.orphan], types: ['user'] });
    assert.deepEqual(byIds.body.value.map((o: { id: string }) => o.id), [ids.adele]);
  });

  it('reads and patches mailbox settings', async () => {
    const settings = await h.graph('GET', `users/info@contoso.com/mailboxSettings`);
    assert.equal(settings.body.userPurpose, 'shared');
    assert.equal(settings.body.automaticRepliesSetting.status, 'disabled');
    const patched = await h.graph('PATCH', `users/info@contoso.com/mailboxSettings`, { automaticRepliesSetting: { status: 'alwaysEnabled', internalReplyMessage: 'Closed today' } });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.automaticRepliesSetting.status, 'alwaysEnabled');
    const bad = await h.graph('PATCH', `users/info@contoso.com/mailboxSettings`, { automaticRepliesSetting: { status: 'sometimes' } });
    assert.equal(bad.status, 400);
    const noMailbox = await h.graph('GET', `users/adele@contoso.com/mailboxSettings`);
    assert.equal(noMailbox.body.error.code, 'MailboxNotEnabledForRESTAPI');
  });

  it('runs a batch with dependsOn and answers 424 when a prerequisite failed', async () => {
    const response = await fetch(`${h.sim.url}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await h.token(GRAPH_SCOPE)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: [
        { id: '1', method: 'GET', url: '/users/alex@contoso.com?$select=id' },
        { id: '2', method: 'PATCH', url: `/users/${ids.sales}`, body: { accountEnabled: true }, headers: { 'Content-Type': 'application/json' } },
        { id: '3', dependsOn: ['2'], method: 'GET', url: `/users/${ids.sales}?$select=accountEnabled` },
        { id: '4', method: 'GET', url: '/users/ghost@contoso.com' },
        { id: '5', dependsOn: ['4'], method: 'GET', url: '/users/alex@contoso.com' },
      ] }),
    });
    const body = (await response.json()) as { responses: Array<{ id: string; status: number; body?: any }> };
    assert.deepEqual(body.responses.map((r) => [r.id, r.status]), [['1', 200], ['2', 204], ['3', 200], ['4', 404], ['5', 424]]);
    assert.equal(body.responses[2]!.body.accountEnabled, true);
    const tooMany = await fetch(`${h.sim.url}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await h.token(GRAPH_SCOPE)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })) }),
    });
    assert.equal(tooMany.status, 400);
  });
});
