import { token, type NaiveTenant } from './naive-who-can-access';

const ITEMS_PER_BATCH = 10;
const REPORT_CMDLETS = ['Get-Mailbox', 'Get-MailboxPermission', 'Get-RecipientPermission', 'Get-MailboxStatistics'];

/**
 * The simulator's ceiling as measured on this machine, next to the one computed from its limits: as many
 * clients as it has concurrent slots, each sending full `$batch`es of the report's four reads back to back
 * with no work in between. Nothing can read mailboxes faster through these limits, so the report's rate over
 * this is how close it comes to what the service allows. Returns mailboxes per second.
 */
export async function saturatedBatchRate(tenant: NaiveTenant, addresses: readonly string[], slots: number): Promise<number> {
  const exoToken = await token(tenant, 'https://outlook.office365.com/.default');
  const items = addresses.flatMap((address) => REPORT_CMDLETS.map((cmdlet) => ({ cmdlet, address })));
  const batches: (typeof items)[] = [];
  for (let start = 0; start < items.length; start += ITEMS_PER_BATCH) batches.push(items.slice(start, start + ITEMS_PER_BATCH));
  let next = 0;
  const client = async () => {
    for (let index = next++; index < batches.length; index = next++) await sendBatch(tenant, exoToken, batches[index]!);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: slots }, client));
  return addresses.length / ((performance.now() - started) / 1000);
}

async function sendBatch(tenant: NaiveTenant, exoToken: string, items: readonly { cmdlet: string; address: string }[]): Promise<void> {
  const root = `${tenant.url}/adminapi/beta/${tenant.tenantId}`;
  const headers = {
    authorization: `Bearer ${exoToken}`,
    'content-type': 'application/json',
    'x-anchormailbox': `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenant.tenantId}`,
  };
  const requests = items.map((item, index) => ({
    id: String(index),
    method: 'POST',
    url: `${root}/InvokeCommand`,
    headers,
    body: { CmdletInput: { CmdletName: item.cmdlet, Parameters: { Identity: item.address } } },
  }));
  const response = await fetch(`${root}/$batch`, { method: 'POST', headers, body: JSON.stringify({ requests }) });
  const body = (await response.json()) as { responses?: { status: number }[] };
  const refused = (body.responses ?? []).filter((item) => item.status >= 300);
  if (!response.ok || refused.length > 0) throw new Error(`a saturating $batch was refused (${response.status}, ${refused.length} items)`);
}
