import type { GroupMember, Person } from '../../domain/directory';
import { itemError, type BatchItem, type GraphGateway, type GraphObject } from './graph-gateway';
import { kindOf, OBJECT_FIELDS, query, toPerson } from './graph-mapping';
import { memberChains } from './group-chains';
import type { GroupNestingCache } from './group-nesting-cache';

const PAGE = '999';

const membersPath = (id: string) => `/groups/${id}/members?${query({ $select: 'id', $top: PAGE })}`;

/**
 * Users of each group with the chain that brings them in. A chain needs the direct members of every nested
 * group, which are only known once the transitive list names those groups: a second round trip. To answer in
 * one, the direct members of the groups `nesting` remembers under each granted group are read in the same
 * batch as the transitive lists. Every list is read fresh; only the choice of what to read comes from the
 * cache, so a nested group it does not know still costs the second round trip, and one that left is not reached.
 */
export async function expandGroups(graph: GraphGateway, groupIds: readonly string[], nesting: GroupNestingCache): Promise<Map<string, GroupMember[]>> {
  const granted = new Set(groupIds);
  const prefetch = [...new Set(groupIds.flatMap((id) => nesting.nestedIn(id) ?? []))].filter((id) => !granted.has(id));
  const first = await graph.batch([
    ...groupIds.flatMap((id) => [
      `/groups/${id}?${query({ $select: 'id,displayName' })}`,
      `/groups/${id}/transitiveMembers?${query({ $select: OBJECT_FIELDS, $top: PAGE })}`,
      membersPath(id),
    ]),
    ...prefetch.map(membersPath),
  ]);
  const names = new Map<string, string>();
  const users = new Map<string, Map<string, Person>>();
  const members = new Map<string, readonly string[]>();
  const nested = new Set<string>();
  await Promise.all([
    ...groupIds.map(async (id, index) => {
      const [group, transitive, direct] = [first[index * 3], first[index * 3 + 1], first[index * 3 + 2]];
      const self = await objects(graph, group);
      if (self[0]) names.set(id, String(self[0]['displayName'] ?? id));
      const reached = new Map<string, Person>();
      const inside: string[] = [];
      for (const object of await objects(graph, transitive)) {
        if (kindOf(object) === 'user') reached.set(String(object['id']), toPerson(object));
        if (kindOf(object) === 'group') {
          names.set(String(object['id']), String(object['displayName'] ?? object['id']));
          inside.push(String(object['id']));
        }
      }
      inside.forEach((groupId) => nested.add(groupId));
      if (transitive?.status === 200) nesting.remember(id, inside);
      users.set(id, reached);
      members.set(id, await memberIds(graph, direct));
    }),
    ...prefetch.map(async (id, index) => members.set(id, await memberIds(graph, first[groupIds.length * 3 + index]))),
  ]);
  const unknown = [...nested].filter((id) => !members.has(id));
  const second = await graph.batch(unknown.map(membersPath));
  await Promise.all(unknown.map(async (id, index) => members.set(id, await memberIds(graph, second[index]))));
  return new Map(groupIds.map((id) => [id, memberChains({ rootId: id, names, members, users: users.get(id) ?? new Map() })]));
}

async function memberIds(graph: GraphGateway, item: BatchItem | undefined): Promise<string[]> {
  return (await objects(graph, item)).map((object) => String(object['id']));
}

/** A batch item's object or collection (every page of it); nothing for a group that no longer exists. */
async function objects(graph: GraphGateway, item: BatchItem | undefined): Promise<GraphObject[]> {
  if (item === undefined || item.status === 404) return [];
  if (item.status < 200 || item.status >= 300) throw itemError(item);
  return Array.isArray(item.body['value']) ? graph.rest(item.body) : [item.body];
}
