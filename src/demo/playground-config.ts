import { createHash } from 'node:crypto';
import { AppError } from '../domain/errors';
import { aliasOf, chooseDemoUser, namesOf, teamLeadIds, transitiveUserIds, type DemoTenant, type DemoUser } from './demo-people';

export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

/** The Playground's config schema (0.1.1) demands exactly five users besides the current one. */
const OTHER_USERS = 5;

/**
 * `.m365agentsplayground.yml` text that makes the Playground speak as seeded people of the seed's
 * tenant: their real object ids as `aadObjectId`, and the seed's tenant id, which the Playground
 * sends as `conversation.tenantId` and `channelData.tenant.id`, so the bot serves them.
 */
export function playgroundConfig(seed: DemoTenant, asUser?: string, adminGroupId?: string): string {
  const admins = transitiveUserIds(seed, adminGroupId ?? seed.groups[0]?.id);
  const current = chooseDemoUser(seed, asUser, admins);
  const others = companions(seed, current, admins);
  if (others.length < OTHER_USERS) {
    throw new AppError('invalid', `The Playground needs ${OTHER_USERS + 1} enabled users in the demo tenant; the seed has ${others.length + 1}.`);
  }
  const tenantId = seed.tenant.id;
  const appId = seed.apps?.[0]?.clientId;
  return render({
    version: '0.1.1',
    tenantId,
    bot: { id: `28:${appId ?? stableGuid(`bot:${tenantId}`)}`, name: 'Shared Mailbox Bot' },
    currentUser: playgroundUser(current),
    users: others.map(playgroundUser),
    personalChat: { id: `a:personal-${current.id}` },
    groupChat: { id: `19:mailbox-requests-${tenantId}@thread.v2`, name: 'Mailbox requests' },
    team: {
      id: `19:it-${tenantId}@thread.tacv2`,
      name: `${seed.tenant.displayName ?? 'Contoso'} IT`,
      aadGroupId: stableGuid(`team:${tenantId}`),
      channels: [{ id: `19:approvals-${tenantId}@thread.tacv2`, name: 'Mailbox approvals' }],
    },
  });
}

/** People to share the group chat and team with: admins first, so the other side of an approval is there. */
function companions(seed: DemoTenant, current: DemoUser, admins: ReadonlySet<string>): DemoUser[] {
  const leads = teamLeadIds(seed);
  const rank = (u: DemoUser): number => (admins.has(u.id) ? 0 : leads.has(u.id) ? 1 : 2);
  return seed.users
    .filter((u) => u.accountEnabled && u.id !== current.id)
    .map((u, index) => ({ u, index }))
    .sort((a, b) => rank(a.u) - rank(b.u) || a.index - b.index)
    .slice(0, OTHER_USERS)
    .map(({ u }) => u);
}

function playgroundUser(user: DemoUser): Record<string, string> {
  const { given, surname } = namesOf(user);
  return {
    id: `29:${user.id}`,
    name: user.displayName,
    userPrincipleName: user.userPrincipalName,
    aadObjectId: user.id,
    givenName: given,
    surname: surname || aliasOf(user),
    email: user.mail ?? user.userPrincipalName,
  };
}

function stableGuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Yaml = string | readonly Yaml[] | { readonly [key: string]: Yaml };

/** Block YAML; every scalar is written as a JSON string, which YAML reads as the same double-quoted string. */
function render(value: Yaml, indent = ''): string {
  if (typeof value === 'string') return `${indent}${JSON.stringify(value)}\n`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.map((item) => `${indent}- ${render(item, inner).slice(inner.length)}`).join('');
  return Object.entries(value as { readonly [key: string]: Yaml })
    .map(([key, item]) => (typeof item === 'string' ? `${indent}${key}: ${JSON.stringify(item)}\n` : `${indent}${key}:\n${render(item, inner)}`))
    .join('');
}
