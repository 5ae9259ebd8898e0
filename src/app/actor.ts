/** Where a turn happens, as far as the core needs to know. `reference` is opaque transport data. */
export interface Conversation {
  readonly id: string;
  readonly type: 'personal' | 'channel' | 'groupChat';
  readonly reference: unknown;
}

/** Who is asking, from `activity.from.aadObjectId` (never from card data). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly conversation: Conversation;
}
