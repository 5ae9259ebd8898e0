// Contract for name resolution shared by every use case; implemented in this file.
import type { Deps } from './deps';
import type { Mailbox } from '../domain/mailbox';
import type { PrincipalRef } from '../domain/change-request';
import type { Group, Person } from '../domain/directory';
import { AppError } from '../domain/errors';
import { parseNameQuery, sameText } from '../domain/addresses';

const MAX_SUGGESTIONS = 3;
/** The longest SMTP address (64 + 1 + 255); no name or address is longer, so nothing longer is worth a search. */
const MAX_NAME_LENGTH = 320;

function tooLong(text: string, what: string, example: string): AppError {
  return new AppError('invalid', `"${text.slice(0, 40)}…" is too long to be ${what}. Give me an address, like ${example}, or a name.`);
}
/** How a picked mailbox candidate comes back: `mailbox:<address>`, with `id:` once a parked command resumes. */
const PICKED = /^(id:)?mailbox:/i;
/** How a mailbox picked on a pick card comes back: its account's object id. */
const PICKED_ID = /^id:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Finds one mailbox from what the user typed: `info@contoso.com`, `info@`, `info`, or a display name.
 * Throws AppError 'not-found' (with "did you mean" suggestions in the message) or 'ambiguous' (with candidates).
 */
export async function resolveMailbox(deps: Deps, query: string): Promise<Mailbox> {
  const text = query.trim();
  if (text === '') throw new AppError('invalid', 'Which mailbox? Give me its address, like info@, or its name.');
  if (text.length > MAX_NAME_LENGTH) throw tooLong(text, 'a mailbox name or address', 'info@');
  if (PICKED.test(text)) return byPickedAddress(deps, text.replace(PICKED, ''));
  const pickedId = PICKED_ID.exec(text)?.[1];
  if (pickedId) return byPickedId(deps, pickedId);
  const parsed = parseNameQuery(text, deps.policy.tenantDomain);
  const byName = parsed.kind === 'name' || (parsed.kind === 'alias' && parsed.bare);
  const [byAddress, found] = await Promise.all([
    parsed.kind === 'name' ? Promise.resolve([]) : deps.exchange.findMailboxes(parsed.address),
    byName ? deps.exchange.findMailboxes(text) : Promise.resolve([]),
  ]);
  const exact = parsed.kind === 'name' ? undefined : byAddress.find((m) => sameText(m.address, parsed.address));
  // A secondary proxy address finds the mailbox under its primary address.
  const viaProxy = byAddress.length === 1 ? byAddress[0] : undefined;
  const direct = exact ?? viaProxy;
  if (direct) return direct;
  if (!byName) throw await notFound(deps, text, text.split('@')[0] ?? text);
  const named = narrow(found, (m) => sameText(m.displayName, text) || sameText(m.address.split('@')[0], text));
  const only = named[0];
  if (named.length === 1 && only) return only;
  if (named.length === 0) throw await notFound(deps, text, text);
  throw new AppError('ambiguous', `More than one mailbox matches "${text}". Which one did you mean?`, {
    subject: 'mailbox',
    candidates: named.map((m) => ({ id: m.id, label: m.displayName, detail: m.address })),
  });
}

/** A mailbox candidate the user picked. */
async function byPickedAddress(deps: Deps, address: string): Promise<Mailbox> {
  const found = await deps.exchange.findMailboxes(address);
  const exact = found.find((m) => sameText(m.address, address));
  if (!exact) throw new AppError('not-found', `The mailbox ${address} no longer exists.`);
  return exact;
}

/** A mailbox candidate picked from a pick card, by its account's object id. */
async function byPickedId(deps: Deps, id: string): Promise<Mailbox> {
  const found = await deps.exchange.findMailboxes(id);
  const exact = found.find((m) => sameText(m.id, id));
  if (!exact) throw new AppError('not-found', 'That mailbox no longer exists.');
  return exact;
}

/**
 * The address a mailbox query names outright (`info@`, `info`, a full or picked address), so a caller can
 * read the mailbox at once and search only when that misses; undefined for a display name.
 */
export function likelyMailboxAddress(deps: Deps, query: string): string | undefined {
  const text = query.trim();
  if (PICKED.test(text)) return text.replace(PICKED, '').toLowerCase();
  const parsed = parseNameQuery(text, deps.policy.tenantDomain);
  return parsed.kind === 'name' ? undefined : parsed.address;
}

/** Exact matches when there are any, else everything the search returned. */
function narrow<T>(found: readonly T[], isExact: (item: T) => boolean): readonly T[] {
  const exact = found.filter(isExact);
  return exact.length > 0 ? exact : found;
}

async function notFound(deps: Deps, typed: string, stem: string): Promise<AppError> {
  const suggestions = await suggestMailboxes(deps, stem);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
  return new AppError('not-found', `I can't find a mailbox called "${typed}".${hint}`);
}

/** A looser search (first word, then its first letters) so a typo still gets a useful answer. */
async function suggestMailboxes(deps: Deps, stem: string): Promise<readonly string[]> {
  const word = stem.split(/[\s.@_-]+/).find((w) => w.length > 0) ?? '';
  const queries = [...new Set([word, word.slice(0, 3)])].filter((q) => q.length >= 2);
  const results = await Promise.all(queries.map((q) => deps.exchange.findMailboxes(q).catch(() => [])));
  const seen = new Map<string, Mailbox>();
  for (const mailbox of results.flat()) seen.set(mailbox.address.toLowerCase(), mailbox);
  return [...seen.values()].slice(0, MAX_SUGGESTIONS).map((m) => `${m.displayName} (${m.address})`);
}

/**
 * Finds one user (or, with allowGroups, a mail-enabled group) from a UPN, mail, `alias@`, display name,
 * or `id:<object id>`. Throws AppError 'not-found' or 'ambiguous' (candidates carry object ids).
 */
export async function resolvePrincipal(
  deps: Deps,
  query: string,
  options: { readonly allowGroups?: boolean } = {},
): Promise<PrincipalRef> {
  const text = query.trim();
  if (text === '') throw new AppError('invalid', 'Who? Give me their email address, like adele@, or their name.');
  if (text.length > MAX_NAME_LENGTH) throw tooLong(text, "a person's name or address", 'adele@');
  if (/^id:/i.test(text)) return byId(deps, text.slice(3).trim(), options.allowGroups === true);

  const parsed = parseNameQuery(text, deps.policy.tenantDomain);
  const address = parsed.kind === 'address' || (parsed.kind === 'alias' && !parsed.bare) ? parsed.address : undefined;
  const [people, groups] = await Promise.all([
    deps.directory.findPeople(text),
    options.allowGroups ? deps.directory.findGroups(address ?? text) : Promise.resolve([]),
  ]);
  const principals = [...people.map(personRef), ...groups.filter(isGrantableGroup).map(groupRef)];
  const mails = new Map(people.map((u) => [u.id, u.mail]));
  const matches = narrow(principals, (p) =>
    address === undefined
      ? sameText(p.displayName, text) || (parsed.kind === 'alias' && sameText(p.address, parsed.address))
      : sameText(p.address, address) || sameText(mails.get(p.id), address),
  );
  const only = matches[0];
  if (matches.length === 1 && only) return only;
  if (matches.length === 0) {
    const what = options.allowGroups ? 'anyone or any mail-enabled security group' : 'anyone';
    throw new AppError('not-found', `I can't find ${what} called "${text}". Try their full email address.`);
  }
  const who = matches.some((p) => p.kind === 'group') ? 'people or groups' : 'people';
  throw new AppError('ambiguous', `"${text}" could be ${matches.length} different ${who}. Which one did you mean?`, {
    subject: 'person',
    candidates: matches.map((p) => ({ id: p.id, label: p.displayName, detail: p.address })),
  });
}

async function byId(deps: Deps, id: string, allowGroups: boolean): Promise<PrincipalRef> {
  const person = id === '' ? undefined : await deps.directory.getPerson(id);
  if (person) return personRef(person);
  if (allowGroups && id !== '') {
    const trustee = (await deps.directory.resolveTrustees([id])).get(id);
    if (trustee?.kind === 'group' && isGrantableGroup(trustee.group)) return groupRef(trustee.group);
  }
  throw new AppError('not-found', `I can't find anyone with the id "${id}". They may have been removed from the directory.`);
}

/** Exchange only takes mail-enabled security groups as permission trustees. */
function isGrantableGroup(group: Group): boolean {
  return group.mailEnabled && group.securityEnabled && group.mail !== undefined;
}

function personRef(person: Person): PrincipalRef {
  return { kind: 'user', id: person.id, displayName: person.displayName, address: person.userPrincipalName };
}

function groupRef(group: Group): PrincipalRef {
  return { kind: 'group', id: group.id, displayName: group.displayName, address: group.mail ?? group.id };
}
