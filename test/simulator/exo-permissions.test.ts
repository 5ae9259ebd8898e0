import assert from 'node:assert/strict';
import { ids, rowsWithoutSelf, startHarness, type Harness } from './helpers';

describe('simulator: EXO mailbox and recipient permissions', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });
  beforeEach(async () => { await h.reset(); });

  const fullAccess = async (identity: string) => (await h.exo('Get-MailboxPermission', { Identity: identity })).body.value as Array<Record<string, any>>;

  it('lists two SELF rows and the grants with users by UPN, groups by name, Deny kept', async () => {
    const rows = await fullAccess('info@contoso.com');
    const self = rows.filter((r) => r['User'] === 'NT AUTHORITY\\SELF');
    assert.equal(self.length, 2);
    assert.ok(self.every((r) => r['UserSid'] === 'S-1-5-10' && String(r['AccessRights'][0]).includes(', ')));
    const grants = rowsWithoutSelf(rows).map((r) => [r['User'], r['AccessRights'], r['Deny'], r['IsInherited'], r['InheritanceType'], r['Identity']]);
    assert.deepEqual(grants, [
      ['adele@contoso.com', ['FullAccess'], false, false, 'All', ids.info],
      ['Finance team', ['FullAccess'], false, false, 'All', ids.info],
      ['lynne@contoso.com', ['FullAccess'], true, false, 'All', ids.info],
    ]);
    assert.ok(rows.every((r) => !Object.keys(r).some((k) => /automap/i.test(k))));
  });

  it('shows an orphaned trustee as a stable SID and a disabled trustee by UPN', async () => {
    const first = rowsWithoutSelf(await fullAccess('finance@contoso.com')).map((r) => r['User']);
    assert.equal(first[0], 'isaiah@contoso.com');
    assert.match(String(first[1]), /^S-1-5-21-\d+-\d+-\d+-\d+$/);
    const again = rowsWithoutSelf(await fullAccess('finance')).map((r) => r['User']);
    assert.equal(again[1], first[1]);
    const sendAs = (await h.exo('Get-RecipientPermission', { Identity: 'finance@contoso.com' })).body.value;
    assert.equal(rowsWithoutSelf(sendAs)[0]!['Trustee'], first[1]);
  });

  it('answers 400 Invalid Operation when Get-MailboxPermission has no Identity', async () => {
    const { status, body } = await h.exo('Get-MailboxPermission', {});
    assert.equal(status, 400);
    assert.equal(body.error.message, 'Invalid Operation');
  });

  it('adds FullAccess once and warns when the grant is already present', async () => {
    const added = await h.exo('Add-MailboxPermission', { Identity: 'sales@contoso.com', User: 'megan@contoso.com', AccessRights: ['FullAccess'], AutoMapping: false, InheritanceType: 'All', Confirm: false });
    assert.equal(added.status, 200);
    assert.deepEqual(added.body['@adminapi.warnings'], []);
    assert.equal(added.body.value[0].User, 'megan@contoso.com');
    const again = await h.exo('Add-MailboxPermission', { Identity: 'sales@contoso.com', User: 'Megan Bowen', AccessRights: 'FullAccess' });
    assert.equal(again.status, 200);
    assert.match(again.body['@adminapi.warnings'][0], /^The appropriate access control entry is already present on object ".+" for account "megan@contoso.com"\.$/);
    assert.equal(rowsWithoutSelf(await fullAccess('sales')).length, 1);
  });

  it('answers the not-found error when the user to grant does not exist', async () => {
    const { status, body } = await h.exo('Add-MailboxPermission', { Identity: 'sales@contoso.com', User: 'ghost@contoso.com', AccessRights: ['FullAccess'] });
    assert.equal(status, 404);
    assert.match(body.error.details[0].message, /ManagementObjectNotFoundException\|.*ghost@contoso\.com/);
  });

  it('grants to a mail-enabled group and removes with a warning when the ACE is absent', async () => {
    await h.exo('Add-MailboxPermission', { Identity: 'sales', User: 'finance-team@contoso.com', AccessRights: ['FullAccess'] });
    assert.deepEqual(rowsWithoutSelf(await fullAccess('sales')).map((r) => r['User']), ['Finance team']);
    const removed = await h.exo('Remove-MailboxPermission', { Identity: 'sales', User: 'finance-team@contoso.com', AccessRights: ['FullAccess'], Confirm: false });
    assert.deepEqual(removed.body['@adminapi.warnings'], []);
    const absent = await h.exo('Remove-MailboxPermission', { Identity: 'sales', User: 'finance-team@contoso.com', AccessRights: ['FullAccess'], Confirm: false });
    assert.equal(absent.status, 200);
    assert.match(absent.body['@adminapi.warnings'][0], /because the ACE doesn't exist on the object\.$/);
  });

  it('removes an orphaned grant named by its SID', async () => {
    const sid = rowsWithoutSelf(await fullAccess('finance'))[1]!['User'];
    const removed = await h.exo('Remove-MailboxPermission', { Identity: 'finance', User: sid, AccessRights: ['FullAccess'], Confirm: false });
    assert.deepEqual(removed.body['@adminapi.warnings'], []);
    assert.deepEqual(rowsWithoutSelf(await fullAccess('finance')).map((r) => r['User']), ['isaiah@contoso.com']);
  });

  it('lists Send As with a SELF row and adds, warns and removes like the service', async () => {
    const rows = (await h.exo('Get-RecipientPermission', { Identity: 'info@contoso.com' })).body.value;
    assert.deepEqual(rows[0], { ...rows[0], Trustee: 'NT AUTHORITY\\SELF', TrusteeSidString: 'S-1-5-10', AccessControlType: 'Allow' });
    assert.deepEqual(rowsWithoutSelf(rows).map((r) => [r['Trustee'], r['AccessRights'], r['AccessControlType']]), [
      ['megan@contoso.com', ['SendAs'], 'Allow'], ['Finance team', ['SendAs'], 'Allow'],
    ]);
    const add = await h.exo('Add-RecipientPermission', { Identity: 'info@contoso.com', Trustee: 'adele@contoso.com', AccessRights: ['SendAs'], Confirm: false });
    assert.deepEqual(add.body['@adminapi.warnings'], []);
    const dup = await h.exo('Add-RecipientPermission', { Identity: 'info@contoso.com', Trustee: 'adele@contoso.com', AccessRights: ['SendAs'], Confirm: false });
    assert.match(dup.body['@adminapi.warnings'][0], /appropriate access control entry is already present/);
    const remove = await h.exo('Remove-RecipientPermission', { Identity: 'info@contoso.com', Trustee: 'adele@contoso.com', AccessRights: ['SendAs'], Confirm: false });
    assert.deepEqual(remove.body['@adminapi.warnings'], []);
    const absent = await h.exo('Remove-RecipientPermission', { Identity: 'info@contoso.com', Trustee: 'adele@contoso.com', AccessRights: ['SendAs'], Confirm: false });
    assert.match(absent.body['@adminapi.warnings'][0], /because the ACE isn't present/);
  });

  it('answers ParameterTransformationException when Send As rights are not SendAs', async () => {
    const { status, body } = await h.exo('Add-RecipientPermission', { Identity: 'info', Trustee: 'adele@contoso.com', AccessRights: ['FullAccess'] });
    assert.equal(status, 400);
    assert.match(body.error.innererror.internalexception.message, /Cannot convert value "FullAccess"/);
  });

  it('lists Send As tenant-wide for one trustee, orphans included', async () => {
    const rows = (await h.exo('Get-RecipientPermission', { Trustee: 'finance-team@contoso.com' })).body.value;
    assert.deepEqual(rows.map((r: Record<string, unknown>) => r['Identity']), [ids.info]);
    const sid = rowsWithoutSelf((await h.exo('Get-RecipientPermission', { Identity: 'finance' })).body.value)[0]!['Trustee'];
    const orphaned = (await h.exo('Get-RecipientPermission', { Trustee: sid })).body.value;
    assert.deepEqual(orphaned.map((r: Record<string, unknown>) => r['Identity']), [ids.finance]);
  });

  it('filters Get-MailboxPermission by User', async () => {
    const rows = (await h.exo('Get-MailboxPermission', { Identity: 'info', User: 'adele@contoso.com' })).body.value;
    assert.deepEqual(rows.map((r: Record<string, unknown>) => r['User']), ['adele@contoso.com']);
  });
});

describe('simulator: automapping and reset', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });

  const automapping = async () => ((await (await fetch(`${h.sim.url}/__admin/automapping`)).json()) as { mailboxes: Record<string, Record<string, boolean>> }).mailboxes;

  it('stores the AutoMapping flag of user grants and never automaps a group grant', async () => {
    await h.exo('Add-MailboxPermission', { Identity: 'sales', User: 'adele@contoso.com', AccessRights: ['FullAccess'] });
    await h.exo('Add-MailboxPermission', { Identity: 'sales', User: 'megan@contoso.com', AccessRights: ['FullAccess'], AutoMapping: false });
    await h.exo('Add-MailboxPermission', { Identity: 'sales', User: 'finance-team@contoso.com', AccessRights: ['FullAccess'], AutoMapping: true });
    assert.deepEqual((await automapping())[ids.sales], { [ids.adele]: true, [ids.megan]: false, [ids.financeTeam]: false });
  });

  it('goes back to the seed state on reset', async () => {
    await h.exo('Add-MailboxPermission', { Identity: 'sales', User: 'adele@contoso.com', AccessRights: ['FullAccess'] });
    await h.reset();
    assert.equal((await automapping())[ids.sales], undefined);
    const { requests } = (await (await fetch(`${h.sim.url}/__admin/requests`)).json()) as { requests: unknown[] };
    assert.deepEqual(requests, []);
  });
});
