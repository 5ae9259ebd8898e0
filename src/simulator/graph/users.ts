import type { SimContext } from '../context';
import { mailboxNamesChanged, transitiveMemberOf } from '../directory';
import { isRecord, type Reply } from '../http';
import { collectionReply, entityReply, type GraphRequest } from './collection';
import { badRequest, notFound } from './errors';
import { directoryObject, findUser, USER_DEFAULT_SELECT, userObject, type GraphObject } from './objects';

export function listUsers(ctx: SimContext, request: GraphRequest): Reply {
  const users = [...ctx.state.users.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((u) => userObject(ctx, u));
  return collectionReply(ctx, request, users, { contextPath: 'users', defaults: USER_DEFAULT_SELECT, typed: false });
}

export function getUser(ctx: SimContext, request: GraphRequest, idOrUpn: string): Reply {
  const user = findUser(ctx, idOrUpn);
  if (!user) return notFound(ctx, request.headers, idOrUpn);
  return entityReply(ctx, request, userObject(ctx, user), 'users', USER_DEFAULT_SELECT);
}

const WRITABLE: Record<string, 'boolean' | 'string'> = { accountEnabled: 'boolean', displayName: 'string', jobTitle: 'string' };

export function patchUser(ctx: SimContext, request: GraphRequest, idOrUpn: string): Reply {
  const user = findUser(ctx, idOrUpn);
  if (!user) return notFound(ctx, request.headers, idOrUpn);
  if (!isRecord(request.body)) return badRequest(ctx, request.headers, 'Empty Payload. JSON content expected.', 'BadRequest');
  for (const [name, value] of Object.entries(request.body)) {
    const type = WRITABLE[name];
    if (!type) return badRequest(ctx, request.headers, `Property '${name}' is read-only or doesn't exist on resource 'User'.`);
    if (typeof value !== type) return badRequest(ctx, request.headers, `Invalid value specified for property '${name}' of resource 'User'.`);
  }
  Object.assign(user, request.body);
  const mailbox = ctx.state.mailboxes.get(user.id.toLowerCase());
  if (mailbox && typeof request.body['displayName'] === 'string') {
    mailbox.displayName = request.body['displayName'];
    mailboxNamesChanged(ctx.state);
  }
  return { status: 204 };
}

export function userTransitiveMemberOf(ctx: SimContext, request: GraphRequest, idOrUpn: string, cast: string | undefined): Reply {
  const user = findUser(ctx, idOrUpn);
  if (!user) return notFound(ctx, request.headers, idOrUpn);
  const groups = transitiveMemberOf(ctx.state, user.id).map((id) => directoryObject(ctx, id)).filter((o): o is GraphObject => !!o);
  const filtered = cast ? groups.filter((g) => g['@odata.type'] === `#${cast}`) : groups;
  return collectionReply(ctx, request, filtered, { contextPath: cast === 'microsoft.graph.group' ? 'groups' : 'directoryObjects', typed: true });
}
