/**
 * The baseline: the same question answered the obvious way, one call at a time: the three Exchange reads,
 * then one Graph call per trustee, then one call per group at every level of nesting. It talks to the
 * simulator directly (no bot, no adapters), so its figures carry no bot overhead at all.
 */
export interface NaiveTenant {
  readonly url: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

type Row = Record<string, unknown>;

/** Tokens are fetched once here, so the question itself is timed without them. */
export async function naiveWhoCanAccess(tenant: NaiveTenant): Promise<(mailbox: string) => Promise<{ people: number; calls: number }>> {
  const exoToken = await token(tenant, 'https://outlook.office365.com/.default');
  const graphToken = await token(tenant, 'https://graph.microsoft.com/.default');
  return (mailbox) => ask(tenant, exoToken, graphToken, mailbox);
}

async function ask(tenant: NaiveTenant, exoToken: string, graphToken: string, mailbox: string): Promise<{ people: number; calls: number }> {
  let calls = 0;
  const exo = async (cmdlet: string): Promise<Row[]> => {
    calls += 1;
    const response = await fetch(`${tenant.url}/adminapi/beta/${tenant.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: { authorization: `Bearer ${exoToken}`, 'content-type': 'application/json', 'x-anchormailbox': `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenant.tenantId}` },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: { Identity: mailbox } } }),
    });
    return ((await ok(response)) as { value: Row[] }).value;
  };
  const graph = async (path: string): Promise<Row | undefined> => {
    calls += 1;
    const response = await fetch(`${tenant.url}/v1.0${path}`, { headers: { authorization: `Bearer ${graphToken}` } });
    return response.status === 404 ? (await response.arrayBuffer(), undefined) : ((await ok(response)) as Row);
  };
  const [box] = await exo('Get-Mailbox');
  const fullAccess = await exo('Get-MailboxPermission');
  const sendAs = await exo('Get-RecipientPermission');
  const trustees = new Set<string>([
    ...fullAccess.map((row) => String(row['User'])),
    ...sendAs.map((row) => String(row['Trustee'])),
    ...((box?.['GrantSendOnBehalfTo'] as string[] | undefined) ?? []),
  ]);
  trustees.delete('NT AUTHORITY\\SELF');
  const people = new Set<string>();
  const groups: string[] = [];
  for (const name of trustees) {
    const found = name.includes('@')
      ? await graph(`/users/${encodeURIComponent(name)}`)
      : /^[0-9a-f-]{36}$/i.test(name)
        ? await graph(`/directoryObjects/${name}`)
        : ((await graph(`/groups?$filter=${encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`)}`))?.['value'] as Row[] | undefined)?.[0];
    if (!found) continue;
    if ('userPrincipalName' in found) people.add(String(found['id']));
    else groups.push(String(found['id']));
  }
  const seen = new Set(groups);
  for (let level = groups; level.length > 0; ) {
    const next: string[] = [];
    for (const id of level) {
      const page = await graph(`/groups/${id}/members?$select=id,userPrincipalName&$top=999`);
      for (const member of (page?.['value'] as Row[] | undefined) ?? []) {
        const memberId = String(member['id']);
        if (member['@odata.type'] === '#microsoft.graph.group') {
          if (!seen.has(memberId)) next.push(memberId);
          seen.add(memberId);
        } else people.add(memberId);
      }
    }
    level = next;
  }
  return { people: people.size, calls };
}

export async function token(tenant: NaiveTenant, scope: string): Promise<string> {
  const response = await fetch(`${tenant.url}/${tenant.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.clientSecret, scope }),
  });
  return String(((await ok(response)) as Row)['access_token']);
}

async function ok(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
