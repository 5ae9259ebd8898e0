import type { Activity } from 'botbuilder';
import { BoundedMap } from '../bounded-map';
import type { Store } from '../ports';
import type { View } from '../views';
import { MAX_REFRESH_USERS } from '../views/request-card';
import { UnchangedWrites } from './unchanged-writes';

const KEPT = 5_000;
/** Someone the bot has not met may write to another instance meanwhile: a miss is asked again after this. */
const MISS_KEPT_MS = 60_000;

/**
 * Teams matches a card's `refresh.userIds` against its own user ids (`activity.from.id`, "29:…"), not the
 * Entra object ids the core works with. Each person's Teams id is learnt from their activities and written
 * into the cards the bot sends, ahead of their Entra id, which stays so that someone the bot has not met yet
 * is still listed.
 */
export class TeamsUserIds {
  private readonly known = new BoundedMap<string, { teamsId?: string; at: number }>(KEPT);
  private readonly written = new UnchangedWrites();

  constructor(private readonly store: Store, private readonly now: () => number = Date.now) {}

  async learn(activity: Partial<Activity>): Promise<void> {
    const entraId = activity.from?.aadObjectId;
    const teamsId = activity.from?.id;
    if (!entraId || !teamsId || teamsId === entraId) return;
    this.known.set(entraId, { teamsId, at: this.now() });
    await this.written.put(keyOf(entraId), teamsId, () => this.store.putDocument(keyOf(entraId), teamsId));
  }

  /** The view with its card's refresh list naming each person as Teams knows them. */
  async address(view: View): Promise<View> {
    const card = view.card as { refresh?: { userIds?: unknown } };
    const listed = card.refresh?.userIds;
    if (!Array.isArray(listed) || listed.length === 0) return view;
    const ids = await Promise.all(listed.map(async (id) => [await this.teamsIdOf(String(id)), String(id)]));
    const userIds = [...new Set(ids.flat().filter((id): id is string => id !== undefined))].slice(0, MAX_REFRESH_USERS);
    return { ...view, card: { ...card, refresh: { ...card.refresh, userIds } } };
  }

  /** Of these Entra ids, those whose Teams id is not known yet. */
  async unknown(entraIds: readonly string[]): Promise<string[]> {
    const ids = await Promise.all(entraIds.map(async (id) => ((await this.teamsIdOf(id)) ? [] : [id])));
    return ids.flat();
  }

  private async teamsIdOf(entraId: string): Promise<string | undefined> {
    const cached = this.known.get(entraId);
    if (cached && (cached.teamsId || this.now() - cached.at < MISS_KEPT_MS)) return cached.teamsId;
    const teamsId = await this.store.getDocument<string>(keyOf(entraId));
    this.known.set(entraId, { ...(typeof teamsId === 'string' ? { teamsId } : {}), at: this.now() });
    return typeof teamsId === 'string' ? teamsId : undefined;
  }
}

const keyOf = (entraId: string): string => `teams-user:${entraId}`;
