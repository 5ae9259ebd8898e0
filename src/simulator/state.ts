import { createHash, randomUUID } from 'node:crypto';
import type { Seed } from './seed';

export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  accountEnabled: boolean;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  mail: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  members: string[];
}

export interface FullAccessAce { trustee: string; deny: boolean; automapping: boolean; inheritanceType: string }
export interface SendAsAce { trustee: string; deny: boolean }

export interface AutoReply {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  externalAudience: 'none' | 'contactsOnly' | 'all';
  start: string | null;
  end: string | null;
  internalReplyMessage: string;
  externalReplyMessage: string;
}

/** A mailbox's Exchange side; its Entra account is the DirectoryUser with the same id. */
export interface MailboxState {
  id: string;
  alias: string;
  displayName: string;
  primarySmtpAddress: string;
  secondaryAddresses: string[];
  type: 'shared' | 'user';
  hiddenFromAddressLists: boolean;
  forwardingSmtpAddress: string | null;
  forwardingAddress: string | null;
  deliverToMailboxAndForward: boolean;
  messageCopyForSentAsEnabled: boolean;
  messageCopyForSendOnBehalfEnabled: boolean;
  fullAccess: FullAccessAce[];
  sendAs: SendAsAce[];
  sendOnBehalf: string[];
  sizeBytes: number;
  itemCount: number;
  exchangeGuid: string;
  whenCreated: string;
  whenChanged: string;
  autoReply: AutoReply;
}

export interface TenantState {
  tenant: Seed['tenant'];
  users: Map<string, DirectoryUser>;
  groups: Map<string, DirectoryGroup>;
  mailboxes: Map<string, MailboxState>;
}

const GB = 1024 ** 3;

export function buildState(seed: Seed, now: Date): TenantState {
  const users = new Map<string, DirectoryUser>();
  const groups = new Map<string, DirectoryGroup>();
  const mailboxes = new Map<string, MailboxState>();
  for (const user of seed.users) {
    users.set(key(user.id), {
      id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName,
      mail: user.mail ?? null, accountEnabled: user.accountEnabled, givenName: user.givenName ?? null,
      surname: user.surname ?? null, jobTitle: user.jobTitle ?? null,
    });
  }
  for (const group of seed.groups) {
    groups.set(key(group.id), { ...group, mail: group.mail ?? null, members: [...group.members] });
  }
  for (const mailbox of seed.mailboxes) {
    users.set(key(mailbox.id), {
      id: mailbox.id, displayName: mailbox.displayName, userPrincipalName: mailbox.primarySmtpAddress,
      mail: mailbox.primarySmtpAddress, accountEnabled: mailbox.accountEnabled, givenName: null, surname: null, jobTitle: null,
    });
    const created = mailbox.whenCreated ?? new Date(now.getTime() - 400 * 86_400_000).toISOString();
    mailboxes.set(key(mailbox.id), {
      id: mailbox.id,
      alias: mailbox.alias ?? localPart(mailbox.primarySmtpAddress),
      displayName: mailbox.displayName,
      primarySmtpAddress: mailbox.primarySmtpAddress,
      secondaryAddresses: mailbox.emailAddresses.map((a) => a.replace(/^smtp:/i, '')),
      type: mailbox.type,
      hiddenFromAddressLists: mailbox.hiddenFromAddressLists,
      forwardingSmtpAddress: mailbox.forwardingSmtpAddress,
      forwardingAddress: mailbox.forwardingAddress,
      deliverToMailboxAndForward: mailbox.deliverToMailboxAndForward,
      messageCopyForSentAsEnabled: mailbox.messageCopyForSentAsEnabled,
      messageCopyForSendOnBehalfEnabled: mailbox.messageCopyForSendOnBehalfEnabled,
      fullAccess: mailbox.fullAccess.map((ace) => ({
        trustee: ace.trustee, deny: ace.deny, automapping: ace.automapping ?? true, inheritanceType: 'All',
      })),
      sendAs: mailbox.sendAs.map((trustee) => ({ trustee, deny: false })),
      sendOnBehalf: [...mailbox.sendOnBehalf],
      sizeBytes: Math.round((mailbox.sizeGB ?? 0.05) * GB),
      itemCount: Math.round((mailbox.sizeGB ?? 0.05) * 9000),
      exchangeGuid: stableGuid(`exchange:${mailbox.id}`),
      whenCreated: created,
      whenChanged: created,
      autoReply: defaultAutoReply(),
    });
  }
  return { tenant: seed.tenant, users, groups, mailboxes };
}

export function defaultAutoReply(): AutoReply {
  return { status: 'disabled', externalAudience: 'all', start: null, end: null, internalReplyMessage: '', externalReplyMessage: '' };
}

export function key(id: string): string {
  return id.toLowerCase();
}

export function localPart(address: string): string {
  return address.split('@')[0] ?? address;
}

/** Deterministic GUID-shaped value so repeated runs over one seed agree. */
export function stableGuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A per-object security identifier, stable for a given object id. */
export function sidFor(id: string): string {
  const digest = createHash('sha256').update(`sid:${id.toLowerCase()}`).digest();
  const parts = [0, 4, 8].map((offset) => digest.readUInt32BE(offset));
  return `S-1-5-21-${parts.join('-')}-${1000 + (digest.readUInt16BE(12) % 60000)}`;
}

export function newObjectId(): string {
  return randomUUID();
}

export function allAddresses(mailbox: MailboxState): string[] {
  return [mailbox.primarySmtpAddress, ...mailbox.secondaryAddresses];
}
