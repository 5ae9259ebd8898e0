import { authorizeGraph } from '../auth';
import type { SimContext } from '../context';
import { decodeSegment, type Reply } from '../http';
import type { GraphRequest } from './collection';
import { getByIds, getDirectoryObject } from './directory-objects';
import { graphError } from './errors';
import { getGroup, groupMembers, listGroups } from './groups';
import { getMailboxSettings, patchMailboxSettings } from './mailbox-settings';
import { getUser, listUsers, patchUser, userTransitiveMemberOf } from './users';

const READ_USERS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const READ_GROUPS = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const WRITE_USERS = ['User.ReadWrite.All', 'Directory.ReadWrite.All', 'User.EnableDisableAccount.All'];
const READ_MAILBOX_SETTINGS = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'];
const WRITE_MAILBOX_SETTINGS = ['MailboxSettings.ReadWrite'];
const CASTS = new Set(['microsoft.graph.user', 'microsoft.graph.group']);

interface Route { roles: string[]; cost: number; run: () => Reply }

function route(ctx: SimContext, request: GraphRequest): Route | undefined {
  const parts = request.path.split('/').filter(Boolean).map(decodeSegment);
  const [root, id, sub, extra, ...rest] = parts;
  const get = request.method === 'GET';
  const cast = extra && CASTS.has(extra) ? extra : undefined;
  if (rest.length > 0 || (extra && !cast && sub !== 'mailboxSettings')) return undefined;
  if (root === 'users') {
    if (!id) return get ? { roles: READ_USERS, cost: 2, run: () => listUsers(ctx, request) } : undefined;
    if (!sub) {
      if (get) return { roles: READ_USERS, cost: 1, run: () => getUser(ctx, request, id) };
      if (request.method === 'PATCH') return { roles: WRITE_USERS, cost: 1, run: () => patchUser(ctx, request, id) };
      return undefined;
    }
    if (sub === 'transitiveMemberOf' && get) return { roles: [...READ_USERS, ...READ_GROUPS], cost: 2, run: () => userTransitiveMemberOf(ctx, request, id, cast) };
    if (sub === 'mailboxSettings' && (!extra || extra === 'automaticRepliesSetting')) {
      if (get) return { roles: READ_MAILBOX_SETTINGS, cost: 1, run: () => getMailboxSettings(ctx, request, id, extra) };
      if (request.method === 'PATCH') return { roles: WRITE_MAILBOX_SETTINGS, cost: 1, run: () => patchMailboxSettings(ctx, request, id, extra) };
    }
    return undefined;
  }
  if (root === 'groups' && get) {
    if (!id) return { roles: READ_GROUPS, cost: 2, run: () => listGroups(ctx, request) };
    if (!sub) return { roles: READ_GROUPS, cost: 1, run: () => getGroup(ctx, request, id) };
    if (sub === 'members') return { roles: READ_GROUPS, cost: 3, run: () => groupMembers(ctx, request, id, false, cast) };
    if (sub === 'transitiveMembers') return { roles: READ_GROUPS, cost: 5, run: () => groupMembers(ctx, request, id, true, cast) };
    return undefined;
  }
  if (root === 'directoryObjects') {
    if (id === 'getByIds' && !sub && request.method === 'POST') return { roles: [...READ_USERS, ...READ_GROUPS], cost: 3, run: () => getByIds(ctx, request) };
    if (id && !sub && get) return { roles: [...READ_USERS, ...READ_GROUPS], cost: 1, run: () => getDirectoryObject(ctx, request, id) };
  }
  return undefined;
}

/** One Graph call after transport: routing, authorisation, injected faults, the resource-unit budget, the handler. */
export async function graphCall(ctx: SimContext, request: GraphRequest): Promise<Reply> {
  const found = route(ctx, request);
  if (!found) {
    return graphError(ctx, request.headers, 400, 'BadRequest', `Resource not found for the segment '${request.path.split('/').filter(Boolean).pop() ?? ''}'.`);
  }
  const auth = await authorizeGraph(ctx, request.headers, found.roles);
  if (!auth.ok) return auth.reply;
  const refusal = ctx.faults.randomRefusal()
    ?? ctx.faults.takeGraphUnits(auth.claims.appid, Math.max(1, found.cost - (request.query.has('$select') ? 1 : 0)));
  if (refusal) {
    const code = refusal.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
    const message = refusal.status === 429 ? 'Too many requests.' : 'Service is temporarily unavailable.';
    return graphError(ctx, request.headers, refusal.status, code, message, { 'Retry-After': String(refusal.retryAfter) });
  }
  return found.run();
}
