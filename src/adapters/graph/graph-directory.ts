import type { TokenCredential } from '@azure/identity';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { AutoReplySetting } from '../../domain/setting-change';
import type { Group, GroupMember, Person, Trustee } from '../../domain/directory';
import { AppError } from '../../domain/errors';
import type { Directory } from '../../ports';
import { RenewableCredential } from '../identity/token-source';
import { RetryPolicy, type RetryLimits } from '../retry/retry-policy';
import { createGraphClient } from './graph-client';
import { toDirectoryError } from './graph-errors';
import { GraphGateway, itemError, values, type BatchItem, type GraphObject } from './graph-gateway';
import { GROUP_FIELDS, kindOf, literal, OBJECT_FIELDS, query, segment, toGroup, toPerson, USER_FIELDS } from './graph-mapping';
import { expandGroups } from './group-expansion';
import { fromAutoReply, toAutoReply } from './auto-reply-mapping';
import { GroupNestingCache } from './group-nesting-cache';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SID = /^S-1-5-21-/i;
const SEARCH_LIMIT = '25';

export interface GraphDirectoryOptions {
  readonly credential: TokenCredential;
  /** Graph origin with a trailing slash; Microsoft's by default. */
  readonly baseUrl?: string;
  /** The tenant's default domain, to complete `alias@`; without it `alias@` matches any domain. */
  readonly defaultDomain?: string;
  readonly retry?: RetryPolicy;
  /** Shared by every copy made with `withRetry`; a fresh one by default. */
  readonly nesting?: GroupNestingCache;
}

/** The Directory port over Microsoft Graph. */
export class GraphDirectory implements Directory {
  private readonly graph: GraphGateway;
  private readonly retry: RetryPolicy;
  private readonly nesting: GroupNestingCache;

  constructor(private readonly options: GraphDirectoryOptions) {
    const credential = new RenewableCredential(options.credential);
    this.retry = options.retry ?? new RetryPolicy();
    this.nesting = options.nesting ?? new GroupNestingCache();
    this.graph = new GraphGateway(createGraphClient(credential, options.baseUrl), credential, this.retry);
  }

  /** The same directory with tighter retry limits, e.g. a 10 s budget inside a chat turn. */
  withRetry(limits: Partial<RetryLimits>): GraphDirectory {
    return new GraphDirectory({ ...this.options, retry: this.retry.within(limits), nesting: this.nesting });
  }

  async findPeople(text: string): Promise<readonly Person[]> {
    const wanted = text.trim();
    if (wanted === '') throw new AppError('invalid', 'Who? Give an address, alias or name.');
    return this.guard(wanted, async () => {
      const id = /^id:/i.test(wanted) ? wanted.slice(3).trim() : GUID.test(wanted) ? wanted : undefined;
      if (id !== undefined) {
        const person = GUID.test(id) ? await this.getPerson(id) : undefined;
        return person ? [person] : [];
      }
      if (wanted.endsWith('@')) {
        if (this.options.defaultDomain) return this.peopleByAddress(`${wanted}${this.options.defaultDomain}`);
        return this.people(`startswith(userPrincipalName,${literal(wanted)})`);
      }
      if (wanted.includes('@')) return this.peopleByAddress(wanted);
      return this.people(`startswith(displayName,${literal(wanted)})`);
    });
  }

  getPerson(id: string): Promise<Person | undefined> {
    return this.guard(id, async () => {
      const user = await this.graph.get(`/users/${segment(id)}?${query({ $select: USER_FIELDS })}`);
      return user ? toPerson(user) : undefined;
    });
  }

  async findGroups(text: string): Promise<readonly Group[]> {
    const wanted = text.trim();
    if (wanted === '') throw new AppError('invalid', 'Which group? Give its address or name.');
    return this.guard(wanted, async () => {
      if (GUID.test(wanted)) {
        const group = await this.graph.get(`/groups/${wanted}?${query({ $select: GROUP_FIELDS })}`);
        return group ? [toGroup(group)] : [];
      }
      const filter = wanted.includes('@') ? `mail eq ${literal(wanted)}` : `startswith(displayName,${literal(wanted)})`;
      const page = await this.graph.get(`/groups?${query({ $filter: filter, $select: GROUP_FIELDS, $top: SEARCH_LIMIT })}`);
      return values(page).map(toGroup);
    });
  }

  async resolveTrustees(names: readonly string[], options: { readonly frugal?: boolean } = {}): Promise<ReadonlyMap<string, Trustee>> {
    const unique = [...new Set(names)];
    return this.guard('trustees', async () => {
      if (!options.frugal) return this.lookUp(unique, trusteePaths);
      const first = await this.lookUp(unique, (name) => (name.includes('@') && !GUID.test(name) ? [userPath(name)] : trusteePaths(name)));
      const groupMails = unique.filter((name) => name.includes('@') && !GUID.test(name) && first.get(name)?.kind === 'orphan');
      const second = groupMails.length > 0 ? await this.lookUp(groupMails, (name) => [groupByMailPath(name)]) : new Map<string, Trustee>();
      return new Map([...first, ...second]);
    });
  }

  /** Each name's first object found by its paths, all in one `$batch` round trip; SIDs are orphans without a call. */
  private async lookUp(names: readonly string[], pathsOf: (name: string) => string[]): Promise<Map<string, Trustee>> {
    const lookups = names.map((name) => ({ name, paths: SID.test(name) ? [] : pathsOf(name) }));
    const items = await this.graph.batch(lookups.flatMap((lookup) => lookup.paths));
    const resolved = new Map<string, Trustee>();
    let offset = 0;
    for (const { name, paths } of lookups) {
      const found = items.slice(offset, offset + paths.length).flatMap(foundObjects);
      offset += paths.length;
      resolved.set(name, asTrustee(name, found[0]));
    }
    return resolved;
  }

  expandGroups(groupIds: readonly string[]): Promise<ReadonlyMap<string, readonly GroupMember[]>> {
    return this.guard('groups', () => expandGroups(this.graph, [...new Set(groupIds)], this.nesting));
  }

  groupsOf(userId: string): Promise<readonly string[]> {
    return this.guard(userId, async () => {
      const path = `/users/${segment(userId)}/transitiveMemberOf?${query({ $select: 'id', $top: '999' })}`;
      const first = await this.graph.get(path);
      if (!first) return [];
      const groups = await this.graph.rest(first);
      return groups.filter((object) => kindOf(object) !== 'other').map((object) => String(object['id']));
    });
  }

  accountEnabled(id: string): Promise<boolean | undefined> {
    return this.guard(id, async () => {
      const user = await this.graph.get(`/users/${segment(id)}?${query({ $select: 'id,accountEnabled' })}`);
      return user ? user['accountEnabled'] !== false : undefined;
    });
  }

  setAccountEnabled(id: string, enabled: boolean): Promise<void> {
    return this.guard(id, () => this.graph.patch(`/users/${segment(id)}`, { accountEnabled: enabled }));
  }

  automaticReplies(id: string): Promise<AutoReplySetting | undefined> {
    return this.guard(id, async () => {
      try {
        const setting = await this.graph.get(`/users/${segment(id)}/mailboxSettings/automaticRepliesSetting`);
        return setting ? toAutoReply(setting) : undefined;
      } catch (error) {
        if (error instanceof GraphError && error.code === 'MailboxNotEnabledForRESTAPI') return undefined;
        throw error;
      }
    });
  }

  setAutomaticReplies(id: string, setting: AutoReplySetting): Promise<void> {
    return this.guard(id, () => this.graph.patch(`/users/${segment(id)}/mailboxSettings`, { automaticRepliesSetting: fromAutoReply(setting) }));
  }

  private async peopleByAddress(address: string): Promise<Person[]> {
    const items = await this.graph.batch([
      `/users/${segment(address)}?${query({ $select: USER_FIELDS })}`,
      `/users?${query({ $filter: `mail eq ${literal(address)}`, $select: USER_FIELDS })}`,
    ]);
    const people = items.flatMap(foundObjects).map(toPerson);
    return people.filter((person, index) => people.findIndex((other) => other.id === person.id) === index);
  }

  private async people(filter: string): Promise<Person[]> {
    const page = await this.graph.get(`/users?${query({ $filter: filter, $select: USER_FIELDS, $top: SEARCH_LIMIT })}`);
    return values(page).map(toPerson);
  }

  private async guard<T>(subject: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toDirectoryError(error, subject);
    }
  }
}

const userPath = (upn: string): string => `/users/${segment(upn)}?${query({ $select: USER_FIELDS })}`;
const groupByMailPath = (mail: string): string => `/groups?${query({ $filter: `mail eq ${literal(mail)}`, $select: GROUP_FIELDS })}`;

/** Where a trustee name can be found: addresses are users (UPN) or groups (mail); ids any object; else a group name. */
function trusteePaths(name: string): string[] {
  if (GUID.test(name)) return [`/directoryObjects/${name}?${query({ $select: OBJECT_FIELDS })}`];
  if (name.includes('@')) return [userPath(name), groupByMailPath(name)];
  return [`/groups?${query({ $filter: `displayName eq ${literal(name)}`, $select: GROUP_FIELDS })}`];
}

/** The objects a batch item found: the object itself, or a collection's members; none for 404. */
function foundObjects(item: BatchItem): GraphObject[] {
  if (item.status === 404) return [];
  if (item.status < 200 || item.status >= 300) throw itemError(item);
  return Array.isArray(item.body['value']) ? values(item.body) : [item.body];
}

function asTrustee(raw: string, object: GraphObject | undefined): Trustee {
  if (object === undefined) return { kind: 'orphan', raw };
  const kind = kindOf(object);
  if (kind === 'user') return { kind: 'user', user: toPerson(object) };
  if (kind === 'group') return { kind: 'group', group: toGroup(object) };
  return { kind: 'orphan', raw };
}
