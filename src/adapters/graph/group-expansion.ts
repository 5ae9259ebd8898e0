import type { GroupMember, Person } from '../../domain/directory';
import { itemError, type BatchItem, type GraphGateway, type GraphObject } from './graph-gateway';
import { kindOf, OBJECT_FIELDS, query, toPerson } from './graph-mapping';
import { memberChains } from './group-chains';

const PAGE = '999';

/**
 * Users of each group with the chain that brings them in, in two round trips: first each granted group,
 * its transitive members and its direct members; then the direct members of every nested group found.
 */
export async function expandGroups(graph: GraphGateway, groupIds: readonly string[]): Promise<Map<string, GroupMember[]>> {
  const first = await graph.batch(
    groupIds.flatMap((id) => [
      `/groups/${id}?${query({ $select: 'id,displayName' })}`,
      `/groups/${id}/transitiveMembers?${query({ $select: OBJECT_FIELDS, $top: PAGE })}`,
      `/groups/${id}/members?${query({ $select: 'id', $top: PAGE })}`,
    ]),
  );
  const names = new Map<string, string>();
  const users = new Map<string, Map<string, Person>>();
  const members = new Map<string, readonly string[]>();
  const nested = new Set<string>();
  await Promise.all(
    groupIds.map(async (id, index) => {
      const [group, transitive, direct] = [first[index * 3], first[index * 3 + 1], first[index * 3 + 2]];
      const self = await objects(graph, group);
      if (self[0]) names.set(id, String(self[0]['displayName'] ?? id));
      const reached = new Map<string, Person>();
      for (const object of await objects(graph, transitive)) {
        if (kindOf(object) === 'user') reached.set(String(object['id']), toPerson(object));
        if (kindOf(object) === 'group') {
          names.set(String(object['id']), String(object['displayName'] ?? object['id']));
          nested.add(String(object['id']));
        }
      }
      users.set(id, reached);
      members.set(id, (await objects(graph, direct)).map((object) => String(object['id'])));
    }),
  );
  const inner = [...nested].filter((id) => !members.has(id));
  const second = await graph.batch(inner.map((id) => `/groups/${id}/members?${query({ $select: 'id', $top: PAGE })}`));
  await Promise.all(inner.map(async (id, index) => members.set(id, (await objects(graph, second[index])).map((object) => String(object['id'])))));
  return new Map(groupIds.map((id) => [id, memberChains({ rootId: id, names, members, users: users.get(id) ?? new Map() })]));
}

/** A batch item's object or collection (every page of it); nothing for a group that no longer exists. */
async function objects(graph: GraphGateway, item: BatchItem | undefined): Promise<GraphObject[]> {
  if (item === undefined || item.status === 404) return [];
  if (item.status < 200 || item.status >= 300) throw itemError(item);
  return Array.isArray(item.body['value']) ? graph.rest(item.body) : [item.body];
}
