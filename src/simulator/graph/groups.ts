import type { SimContext } from '../context';
import { transitiveMembers } from '../directory';
import { key } from '../state';
import type { Reply } from '../http';
import { collectionReply, entityReply, type GraphRequest } from './collection';
import { notFound } from './errors';
import { directoryObject, groupObject, type GraphObject } from './objects';

export function listGroups(ctx: SimContext, request: GraphRequest): Reply {
  const groups = [...ctx.state.groups.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)).map(groupObject);
  return collectionReply(ctx, request, groups, { contextPath: 'groups', typed: false });
}

export function getGroup(ctx: SimContext, request: GraphRequest, id: string): Reply {
  const group = ctx.state.groups.get(key(id));
  if (!group) return notFound(ctx, request.headers, id);
  return entityReply(ctx, request, groupObject(group), 'groups');
}

export function groupMembers(ctx: SimContext, request: GraphRequest, id: string, transitive: boolean, cast: string | undefined): Reply {
  const group = ctx.state.groups.get(key(id));
  if (!group) return notFound(ctx, request.headers, id);
  const ids = transitive ? transitiveMembers(ctx.state, group.id) : group.members;
  const objects = ids.map((member) => directoryObject(ctx, member)).filter((o): o is GraphObject => !!o);
  const filtered = cast ? objects.filter((o) => o['@odata.type'] === `#${cast}`) : objects;
  const contextPath = cast === 'microsoft.graph.user' ? 'users' : cast === 'microsoft.graph.group' ? 'groups' : 'directoryObjects';
  return collectionReply(ctx, request, filtered, { contextPath, typed: true });
}
