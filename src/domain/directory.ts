/** An Entra user as the bot sees it. `id` is the Entra object id. */
export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string;
  readonly accountEnabled: boolean;
}

export interface Group {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  readonly securityEnabled: boolean;
  readonly mailEnabled: boolean;
}

/** What a raw Exchange trustee string turned out to be. */
export type Trustee =
  | { readonly kind: 'user'; readonly user: Person }
  | { readonly kind: 'group'; readonly group: Group }
  /** A SID or a name that no longer matches any directory object (deleted trustee). */
  | { readonly kind: 'orphan'; readonly raw: string };

/** A user reached through a group, with the chain of groups from the granted group down to the user. */
export interface GroupMember {
  readonly user: Person;
  /** Display names, outermost (the granted group) first: ["Sales", "Sales EMEA"]. */
  readonly via: readonly string[];
}
