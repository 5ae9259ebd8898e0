import type { SimContext } from '../context';
import { principalById } from '../directory';
import { key, localPart, type DirectoryGroup, type DirectoryUser, type TenantState } from '../state';

export type GraphObject = Record<string, unknown>;

export const USER_DEFAULT_SELECT = ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone',
  'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'];

export function userObject(ctx: SimContext, user: DirectoryUser): GraphObject {
  const mailbox = ctx.state.mailboxes.get(key(user.id));
  const proxyAddresses = mailbox
    ? [`SMTP:${mailbox.primarySmtpAddress}`, ...mailbox.secondaryAddresses.map((a) => `smtp:${a}`)]
    : user.mail ? [`SMTP:${user.mail}`] : [];
  return {
    '@odata.type': '#microsoft.graph.user',
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    mailNickname: mailbox?.alias ?? localPart(user.userPrincipalName),
    proxyAddresses,
    userType: 'Member',
    onPremisesSyncEnabled: null,
  };
}

export function groupObject(group: DirectoryGroup): GraphObject {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: group.id,
    description: null,
    displayName: group.displayName,
    groupTypes: [],
    mail: group.mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mail ? localPart(group.mail) : group.displayName.replace(/\s+/g, '').toLowerCase(),
    proxyAddresses: group.mail ? [`SMTP:${group.mail}`] : [],
    securityEnabled: group.securityEnabled,
    visibility: null,
  };
}

export function directoryObject(ctx: SimContext, id: string): GraphObject | undefined {
  const principal = principalById(ctx.state, id);
  if (!principal) return undefined;
  return principal.kind === 'user' ? userObject(ctx, principal.user) : groupObject(principal.group);
}

export function findUser(ctx: SimContext, idOrUpn: string): DirectoryUser | undefined {
  const wanted = idOrUpn.toLowerCase();
  const byId = ctx.state.users.get(wanted);
  if (byId) return byId;
  return usersByUpn(ctx.state).get(wanted);
}

/** UPNs never change here and users are only ever added, so the index is rebuilt when the count changes. */
const upnIndexes = new WeakMap<TenantState, { size: number; byUpn: Map<string, DirectoryUser> }>();

function usersByUpn(state: TenantState): Map<string, DirectoryUser> {
  let index = upnIndexes.get(state);
  if (!index || index.size !== state.users.size) {
    const byUpn = new Map<string, DirectoryUser>();
    for (const user of state.users.values()) if (!byUpn.has(user.userPrincipalName.toLowerCase())) byUpn.set(user.userPrincipalName.toLowerCase(), user);
    index = { size: state.users.size, byUpn };
    upnIndexes.set(state, index);
  }
  return index.byUpn;
}
