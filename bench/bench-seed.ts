import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TENANT_ID = '7a3c1d2e-0000-4000-8000-0000000be7c4';
const guid = (space: number, n: number) => `00000000-0000-4000-${(0x8000 + space).toString(16)}-${n.toString(16).padStart(12, '0')}`;
const person = (n: number) => ({
  id: guid(0, n),
  displayName: `Person ${String(n).padStart(4, '0')}`,
  userPrincipalName: `p${n}@contoso.com`,
  mail: `p${n}@contoso.com`,
});
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => guid(0, from + i));
const group = (n: number, displayName: string, members: string[]) => ({
  id: guid(1, n),
  displayName,
  mail: `${displayName.toLowerCase().replace(/\s+/g, '-')}@contoso.com`,
  securityEnabled: true,
  mailEnabled: true,
  members,
});

/**
 * A tenant for the benchmarks: `bench@` has 10 grants, four of them to groups nested up to three deep that
 * together hold 500 people; `desk@` starts empty and takes the approved requests.
 */
export function writeBenchSeed(dir: string): string {
  const groups = [
    { id: guid(1, 0), displayName: 'Bot admins', mail: null, securityEnabled: true, mailEnabled: false, members: [guid(0, 9001)] },
    group(5, 'Sales Paris', range(251, 100)),
    group(4, 'Sales Americas', range(151, 100)),
    group(3, 'Sales EMEA', [...range(51, 100), guid(1, 5)]),
    group(2, 'All Sales', [...range(1, 50), guid(1, 3), guid(1, 4)]),
    group(6, 'Support Tier 1', range(351, 100)),
    group(8, 'Support Leads', range(491, 10)),
    group(7, 'Support Tier 2', [...range(451, 40), guid(1, 8)]),
  ];
  const users = [
    ...Array.from({ length: 700 }, (_, i) => person(i + 1)),
    { id: guid(0, 9001), displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com', mail: 'megan@contoso.com' },
    { id: guid(0, 9002), displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.com', mail: 'adele@contoso.com' },
  ];
  const mailbox = (n: number, alias: string, extra: object) => ({
    id: guid(2, n), displayName: alias, primarySmtpAddress: `${alias}@contoso.com`, type: 'shared', accountEnabled: false, ...extra,
  });
  const seed = {
    tenant: { id: TENANT_ID, defaultDomain: 'contoso.com', displayName: 'Contoso' },
    apps: [{ clientId: '5e0b1c2d-0000-4000-8000-0000000be7c4', clientSecret: 'bench-secret', roles: ['Exchange.ManageAsApp', 'User.Read.All', 'GroupMember.Read.All', 'User.ReadWrite.All', 'MailboxSettings.ReadWrite'] }],
    users,
    groups,
    mailboxes: [
      mailbox(1, 'bench', {
        fullAccess: [guid(1, 2), guid(1, 6), guid(1, 7), guid(0, 601), guid(0, 602), guid(0, 603)].map((trustee) => ({ trustee, deny: false })),
        sendAs: [guid(1, 2), guid(0, 604), guid(0, 605)],
        sendOnBehalf: [guid(0, 606)],
      }),
      mailbox(2, 'desk', {}),
    ],
  };
  const path = join(dir, 'bench-seed.json');
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

export const PEOPLE_IN_GROUPS = 500;
/** People the approval benchmark asks to add, none of them holding anything yet. */
export const candidate = (n: number) => `p${620 + n}@contoso.com`;
