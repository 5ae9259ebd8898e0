import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';

const id = z.guid();
const email = z.email();

const appSchema = z.object({
  clientId: id,
  clientSecret: z.string().min(1),
  roles: z.array(z.string()).default([]),
  certificatePem: z.string().optional(),
});

const userSchema = z.object({
  id,
  displayName: z.string().min(1),
  userPrincipalName: email,
  mail: email.nullable().optional(),
  accountEnabled: z.boolean().default(true),
  givenName: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  jobTitle: z.string().nullable().optional(),
});

const groupSchema = z.object({
  id,
  displayName: z.string().min(1),
  mail: email.nullable().optional(),
  securityEnabled: z.boolean().default(true),
  mailEnabled: z.boolean().default(false),
  members: z.array(z.string()).default([]),
});

const fullAccessSchema = z.object({
  trustee: z.string().min(1),
  deny: z.boolean().default(false),
  automapping: z.boolean().optional(),
});

const mailboxSchema = z.object({
  id,
  displayName: z.string().min(1),
  primarySmtpAddress: email,
  alias: z.string().min(1).optional(),
  type: z.enum(['shared', 'user']).default('shared'),
  accountEnabled: z.boolean().default(false),
  hiddenFromAddressLists: z.boolean().default(false),
  forwardingSmtpAddress: email.nullable().default(null),
  forwardingAddress: z.string().nullable().default(null),
  deliverToMailboxAndForward: z.boolean().default(false),
  messageCopyForSentAsEnabled: z.boolean().default(false),
  messageCopyForSendOnBehalfEnabled: z.boolean().default(false),
  fullAccess: z.array(fullAccessSchema).default([]),
  sendAs: z.array(z.string().min(1)).default([]),
  sendOnBehalf: z.array(z.string().min(1)).default([]),
  sizeGB: z.number().nonnegative().optional(),
  emailAddresses: z.array(z.string()).default([]),
  whenCreated: z.iso.datetime({ offset: true }).optional(),
});

const seedSchema = z.object({
  tenant: z.object({ id, defaultDomain: z.string().min(3), displayName: z.string().min(1) }),
  apps: z.array(appSchema).min(1),
  users: z.array(userSchema).default([]),
  groups: z.array(groupSchema).default([]),
  mailboxes: z.array(mailboxSchema).default([]),
});

export type Seed = z.infer<typeof seedSchema>;
export type SeedApp = Seed['apps'][number];
export type SeedUser = Seed['users'][number];
export type SeedGroup = Seed['groups'][number];
export type SeedMailbox = Seed['mailboxes'][number];

export function parseSeed(json: unknown, source: string): Seed {
  const result = seedSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    throw new Error(`seed ${source}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid seed'}`);
  }
  assertUniqueIds(result.data, source);
  return result.data;
}

export function loadSeed(path: string): Seed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`seed ${basename(path)}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`seed ${basename(path)}: not valid JSON (${(error as Error).message})`);
  }
  return parseSeed(json, basename(path));
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function assertUniqueIds(seed: Seed, source: string): void {
  const seen = new Set<string>();
  const collections = [['users', seed.users], ['groups', seed.groups], ['mailboxes', seed.mailboxes]] as const;
  for (const [name, items] of collections) {
    items.forEach((item, index) => {
      const key = item.id.toLowerCase();
      if (seen.has(key)) throw new Error(`seed ${source}: ${name}[${index}].id: duplicate object id ${item.id}`);
      seen.add(key);
    });
  }
}
