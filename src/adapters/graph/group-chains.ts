import type { GroupMember, Person } from '../../domain/directory';

export interface GroupTree {
  readonly rootId: string;
  readonly names: ReadonlyMap<string, string>;
  /** Direct member ids of the root and of every nested group. */
  readonly members: ReadonlyMap<string, readonly string[]>;
  /** Every user reached, transitively. */
  readonly users: ReadonlyMap<string, Person>;
}

/**
 * Each user once per group that holds them directly, with the shortest chain of groups from the root to it.
 * Breadth first, so cycles between groups end and the outermost group comes first.
 */
export function memberChains(tree: GroupTree): GroupMember[] {
  const result: GroupMember[] = [];
  const reached = new Set<string>();
  const visited = new Set([tree.rootId]);
  const queue: { id: string; via: string[] }[] = [{ id: tree.rootId, via: [tree.names.get(tree.rootId) ?? tree.rootId] }];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const memberId of tree.members.get(next.id) ?? []) {
      const user = tree.users.get(memberId);
      if (user) {
        result.push({ user, via: next.via });
        reached.add(memberId);
      } else if (tree.names.has(memberId) && !visited.has(memberId)) {
        visited.add(memberId);
        queue.push({ id: memberId, via: [...next.via, tree.names.get(memberId)!] });
      }
    }
  }
  // Graph's transitive list is the authority on who is in; a chain it cannot explain still counts.
  const rootChain = [tree.names.get(tree.rootId) ?? tree.rootId];
  for (const [id, user] of tree.users) if (!reached.has(id)) result.push({ user, via: rootChain });
  return result;
}
