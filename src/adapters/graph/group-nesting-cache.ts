import { BoundedMap } from '../../bounded-map';

const FIVE_MINUTES_MS = 5 * 60_000;
const MAX_GROUPS = 2_000;

/**
 * Which groups lie (at any depth) under a group, as Graph last said. Nesting changes rarely, so it is kept for a
 * few minutes; it only decides which member lists to ask for up front, never who is a member.
 */
export class GroupNestingCache {
  private readonly entries = new BoundedMap<string, { readonly nested: readonly string[]; readonly until: number }>(MAX_GROUPS);

  constructor(
    private readonly ttlMs = FIVE_MINUTES_MS,
    private readonly now: () => number = Date.now,
  ) {}

  nestedIn(groupId: string): readonly string[] | undefined {
    const entry = this.entries.get(groupId.toLowerCase());
    return entry !== undefined && entry.until > this.now() ? entry.nested : undefined;
  }

  remember(groupId: string, nested: readonly string[]): void {
    this.entries.set(groupId.toLowerCase(), { nested: [...nested], until: this.now() + this.ttlMs });
  }
}
