import type { Group, Person } from './directory';
import type { Mailbox, Right } from './mailbox';

/** How a person holds a right: directly, or through a chain of groups (outermost first). */
export type Path = { readonly kind: 'direct' } | { readonly kind: 'group'; readonly via: readonly string[] };

/** What the bot recorded when it last set automapping; Exchange never reads it back. */
export type Automapping = 'on' | 'off' | 'unknown' | 'not-applicable';

/** A person who can use a right on the mailbox. One entry per (person, right, path). */
export interface AccessEntry {
  readonly right: Right;
  readonly person: Person;
  readonly path: Path;
  /** Full Access only; group grants are always 'not-applicable' (groups never automap). */
  readonly automapping: Automapping;
}

/** A grant to a group, listed once with its expanded membership size. */
export interface GroupGrant {
  readonly right: Right;
  readonly group: Group;
  readonly memberCount: number;
}

export type Warning =
  | { readonly code: 'not-shared'; readonly kind: Mailbox['kind'] }
  | { readonly code: 'hidden-from-address-lists' }
  | { readonly code: 'sign-in-enabled' }
  | { readonly code: 'deny-entry'; readonly right: Right; readonly trustee: string }
  | { readonly code: 'disabled-trustee'; readonly right: Right; readonly person: Person }
  | { readonly code: 'orphaned-entry'; readonly right: Right; readonly trustee: string }
  | { readonly code: 'external-forwarding'; readonly address: string };

export interface Forwarding {
  readonly address: string;
  readonly external: boolean;
  readonly keepsCopy: boolean;
}

/** The true answer to "who can access <mailbox>". */
export interface AccessReport {
  readonly mailbox: Mailbox;
  /** The mailbox's own account: sign-in should be blocked for a shared mailbox. Undefined if unknown. */
  readonly accountEnabled: boolean | undefined;
  /** People who can use each right (Deny entries and disabled accounts excluded), sorted by right then name. */
  readonly entries: readonly AccessEntry[];
  readonly groupGrants: readonly GroupGrant[];
  readonly forwarding: Forwarding | undefined;
  readonly warnings: readonly Warning[];
}
