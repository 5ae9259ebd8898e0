import type { GroupMember, Person, Trustee } from './directory';
import { forwardingOf } from './forwarding';
import type { Mailbox, MailboxKind, RawGrant, Right } from './mailbox';

/** How long Exchange and Outlook take to show a new grant (automapping, address book, Autodiscover). */
export const PROPAGATION_MINUTES = 60;

/** A change the bot carried out for this person on this mailbox, from its own request log. */
export interface RecentGrant {
  readonly requestId: string;
  /** When Exchange confirmed the change (ISO). */
  readonly at: string;
  readonly rights: readonly Right[];
}

export interface DiagnoseInput {
  readonly person: Person;
  readonly mailbox: Mailbox;
  readonly grants: readonly RawGrant[];
  /** Every raw trustee name of the grants, resolved. */
  readonly trustees: ReadonlyMap<string, Trustee>;
  /** Transitive user members of each granted group, by group id. */
  readonly members: ReadonlyMap<string, readonly GroupMember[]>;
  /** What the bot recorded for direct Full Access automapping, by user id. */
  readonly automapping: ReadonlyMap<string, boolean>;
  readonly recentGrants: readonly RecentGrant[];
  readonly internalDomains: readonly string[];
  readonly now: Date;
}

/** A request the person (or anyone) can start to fix a finding. */
export type FixAction = 'request-full-access';

/** One known reason a person cannot open or use a shared mailbox, most blocking first. */
export type Finding =
  | { readonly code: 'account-disabled'; readonly action?: FixAction }
  | { readonly code: 'denied'; readonly rights: readonly Right[]; readonly via: readonly string[]; readonly action?: FixAction }
  | { readonly code: 'no-access'; readonly otherRights: readonly Right[]; readonly action?: FixAction }
  | { readonly code: 'group-only'; readonly groups: readonly string[]; readonly action?: FixAction }
  | { readonly code: 'automapping-off'; readonly action?: FixAction }
  | { readonly code: 'hidden-from-address-lists'; readonly action?: FixAction }
  | { readonly code: 'recent-grant'; readonly requestId: string; readonly minutesAgo: number; readonly action?: FixAction }
  | { readonly code: 'not-shared'; readonly kind: MailboxKind; readonly action?: FixAction }
  | { readonly code: 'forwarding-without-copy'; readonly address: string; readonly action?: FixAction }
  | { readonly code: 'all-clear'; readonly action?: FixAction };

interface Reach {
  direct: boolean;
  /** Outermost granted group names through which the person holds the right. */
  groups: string[];
  /** Who a matching Deny entry names: the person, or the group that brings them in. */
  deniedVia: string[];
}

/** Walks the known causes, the way an Exchange admin would, and says which apply. Never empty. */
export function diagnose(input: DiagnoseInput): readonly Finding[] {
  const reach = reachOf(input);
  const full = reach.get('full-access')!;
  const findings: Finding[] = [];
  if (!input.person.accountEnabled) findings.push({ code: 'account-disabled' });
  const denied = [...reach].filter(([, r]) => r.deniedVia.length > 0);
  if (denied.length > 0) {
    const via = [...new Set(denied.flatMap(([, r]) => r.deniedVia))];
    findings.push({ code: 'denied', rights: denied.map(([right]) => right), via });
  }
  const fullDenied = full.deniedVia.length > 0;
  if (!fullDenied && !full.direct && full.groups.length === 0) {
    const otherRights = [...reach].filter(([right, r]) => right !== 'full-access' && holds(r)).map(([right]) => right);
    findings.push({ code: 'no-access', otherRights, action: 'request-full-access' });
  }
  if (!fullDenied && !full.direct && full.groups.length > 0) {
    findings.push({ code: 'group-only', groups: full.groups, action: 'request-full-access' });
  }
  if (!fullDenied && full.direct && input.automapping.get(input.person.id) === false) {
    findings.push({ code: 'automapping-off' });
  }
  if (input.mailbox.hiddenFromAddressLists) findings.push({ code: 'hidden-from-address-lists' });
  const recent = latestRecentGrant(input);
  if (recent) findings.push(recent);
  if (input.mailbox.kind !== 'shared') findings.push({ code: 'not-shared', kind: input.mailbox.kind });
  const forwarding = forwardingOf(input.mailbox, input.internalDomains);
  if (forwarding && !forwarding.keepsCopy) findings.push({ code: 'forwarding-without-copy', address: forwarding.address });
  return findings.length > 0 ? findings : [{ code: 'all-clear' }];
}

function holds(reach: Reach): boolean {
  return reach.deniedVia.length === 0 && (reach.direct || reach.groups.length > 0);
}

function reachOf(input: DiagnoseInput): Map<Right, Reach> {
  const reach = new Map<Right, Reach>(
    (['full-access', 'send-as', 'send-on-behalf'] as const).map((right) => [right, { direct: false, groups: [], deniedVia: [] }]),
  );
  const personId = input.person.id.toLowerCase();
  for (const grant of input.grants) {
    const trustee = input.trustees.get(grant.trustee);
    const entry = reach.get(grant.right)!;
    let via: string | undefined;
    if (trustee?.kind === 'user' && trustee.user.id.toLowerCase() === personId) via = '';
    if (trustee?.kind === 'group') {
      const isMember = (input.members.get(trustee.group.id) ?? []).some((m) => m.user.id.toLowerCase() === personId);
      if (isMember) via = trustee.group.displayName;
    }
    if (via === undefined) continue;
    if (grant.deny) entry.deniedVia.push(via === '' ? input.person.displayName : via);
    else if (via === '') entry.direct = true;
    else if (!entry.groups.includes(via)) entry.groups.push(via);
  }
  return reach;
}

function latestRecentGrant(input: DiagnoseInput): Finding | undefined {
  const now = input.now.getTime();
  const recent = input.recentGrants
    .map((grant) => ({ grant, minutesAgo: Math.floor((now - Date.parse(grant.at)) / 60_000) }))
    .filter(({ minutesAgo }) => minutesAgo >= 0 && minutesAgo < PROPAGATION_MINUTES)
    .sort((a, b) => a.minutesAgo - b.minutesAgo)[0];
  return recent && { code: 'recent-grant', requestId: recent.grant.requestId, minutesAgo: recent.minutesAgo };
}
