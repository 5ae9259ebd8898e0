import type { MailboxRef, PrincipalRef } from './change-request';
import type { Mailbox, RawGrant, Right } from './mailbox';
import { sameText } from './addresses';
import { listWords, normaliseRights, rightsText, shortName } from './rights-text';
import type { GrantEnd } from './grant-period';

/** What a request will change and what people will notice (the Outcome's Plan). */
export interface RequestPlan {
  /** Rights the change adds or removes (already held / not held rights left out). */
  readonly rights: readonly Right[];
  /** Rights the trustee already has (grant) or does not have (revoke): nothing to do for them. */
  readonly unchanged: readonly Right[];
  /** Plain sentences: "Bob gets Full Access and Send As.", "Info appears in Bob's Outlook within 60 minutes." */
  readonly effects: readonly string[];
  readonly warnings: readonly string[];
}

export interface PlanInput {
  readonly kind: 'grant' | 'revoke';
  readonly mailbox: Mailbox;
  readonly grants: readonly RawGrant[];
  readonly trustee: PrincipalRef;
  /** Undefined for groups or when the directory does not say. */
  readonly trusteeEnabled: boolean | undefined;
  readonly rights: readonly Right[];
  readonly automapping: boolean;
  readonly end?: GrantEnd;
}

/** Whether an Exchange trustee string (UPN, group name, object id) names this principal. */
export function namesPrincipal(trustee: string, principal: PrincipalRef): boolean {
  return [principal.id, principal.address, principal.displayName].some((name) => sameText(trustee, name));
}

/** Rights the principal holds directly (not through a group), Deny entries left out. */
export function directRights(grants: readonly RawGrant[], principal: PrincipalRef): readonly Right[] {
  return normaliseRights(grants.filter((g) => !g.deny && namesPrincipal(g.trustee, principal)).map((g) => g.right));
}

export function buildPlan(input: PlanInput): RequestPlan {
  const held = directRights(input.grants, input.trustee);
  const asked = normaliseRights(input.rights);
  const rights = asked.filter((r) => (input.kind === 'grant' ? !held.includes(r) : held.includes(r)));
  const unchanged = asked.filter((r) => !rights.includes(r));
  if (rights.length === 0) return { rights, unchanged, effects: [], warnings: [] };
  return { rights, unchanged, effects: effectsOf(input, rights), warnings: warningsOf(input, rights) };
}

/** The friendly answer when a request would change nothing. */
export function nothingToDo(input: Pick<PlanInput, 'kind' | 'trustee' | 'rights'>, mailbox: MailboxRef): string {
  const who = shortName(input.trustee);
  const rights = normaliseRights(input.rights);
  return input.kind === 'grant'
    ? `${who} already has ${rightsText(rights)} on ${mailbox.displayName} — nothing to do.`
    : `${who} doesn't have ${rightsText(rights, 'or')} on ${mailbox.displayName} directly — nothing to do.`;
}

function effectsOf(input: PlanInput, rights: readonly Right[]): readonly string[] {
  const { trustee, mailbox } = input;
  const isUser = trustee.kind === 'user';
  const who = isUser ? trustee.displayName : `Members of ${trustee.displayName}`;
  const fullAccess = rights.includes('full-access');
  const effects: string[] = [];
  if (input.kind === 'grant') {
    effects.push(`${who} ${isUser ? 'gets' : 'get'} ${rightsText(rights)} on ${mailbox.displayName}.`);
    if (isUser && fullAccess && input.automapping) {
      effects.push(`${mailbox.displayName} appears in ${shortName(trustee)}'s Outlook within 60 minutes.`);
    } else if (isUser && fullAccess) {
      effects.push(`${shortName(trustee)} adds ${mailbox.displayName} in Outlook by hand (automapping off).`);
    }
    if (input.end) effects.push(`Until ${input.end.until.slice(0, 10)} (${input.end.days} ${input.end.days === 1 ? 'day' : 'days'}).`);
  } else {
    effects.push(`${who} ${isUser ? 'loses' : 'lose'} ${rightsText(rights)} on ${mailbox.displayName}.`);
    if (isUser && fullAccess) {
      effects.push(`${mailbox.displayName} leaves ${shortName(trustee)}'s Outlook within 60 minutes.`);
    }
  }
  return effects;
}

function warningsOf(input: PlanInput, rights: readonly Right[]): readonly string[] {
  const { trustee, mailbox } = input;
  const name = mailbox.displayName;
  const warnings: string[] = [];
  if (input.kind === 'grant' && trustee.kind === 'group' && rights.includes('full-access')) {
    warnings.push(`Groups never automap: members add ${name} in Outlook by hand.`);
  }
  if (mailbox.kind !== 'shared') warnings.push(`${name} is a ${mailbox.kind} mailbox, not a shared one.`);
  if (mailbox.hiddenFromAddressLists) {
    warnings.push(`${name} is hidden from address lists: people find it by typing its address.`);
  }
  if (input.kind === 'grant' && input.trusteeEnabled === false) {
    warnings.push(`${trustee.displayName}'s account is disabled: they can't use this access until it is enabled.`);
  }
  const uncopied = [
    rights.includes('send-as') && !mailbox.messageCopyForSentAsEnabled ? 'as' : undefined,
    rights.includes('send-on-behalf') && !mailbox.messageCopyForSendOnBehalfEnabled ? 'on behalf of' : undefined,
  ].filter((w): w is string => w !== undefined);
  if (input.kind === 'grant' && uncopied.length > 0) {
    warnings.push(
      `Mail ${shortName(trustee)} sends ${listWords(uncopied, 'or')} ${name} lands in ${shortName(trustee)}'s own ` +
        `Sent Items, not ${name}'s (MessageCopyForSentAsEnabled is off).`,
    );
  }
  return warnings;
}
