import { token, type NaiveTenant } from './naive-who-can-access';

/**
 * The baseline for the tenant report: how admins script it today, one mailbox after the other
 * (`foreach ($m in $mailboxes) { Get-MailboxPermission -Identity $m }`), one InvokeCommand per mailbox, straight
 * to the simulator. Returns mailboxes per second over the sample; the token is fetched before the clock starts.
 */
export async function serialPermissionsRate(tenant: NaiveTenant, addresses: readonly string[]): Promise<number> {
  const exoToken = await token(tenant, 'https://outlook.office365.com/.default');
  const started = performance.now();
  for (const address of addresses) {
    const response = await fetch(`${tenant.url}/adminapi/beta/${tenant.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${exoToken}`,
        'content-type': 'application/json',
        'x-anchormailbox': `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenant.tenantId}`,
      },
      body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-MailboxPermission', Parameters: { Identity: address } } }),
    });
    if (!response.ok) throw new Error(`Get-MailboxPermission ${address} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  return addresses.length / ((performance.now() - started) / 1000);
}
