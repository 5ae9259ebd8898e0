import type { Group, Person } from '../../domain/directory';
import type { GraphObject } from './graph-gateway';

export const USER_FIELDS = 'id,displayName,userPrincipalName,mail,accountEnabled';
export const GROUP_FIELDS = 'id,displayName,mail,securityEnabled,mailEnabled';
export const OBJECT_FIELDS = 'id,displayName,userPrincipalName,mail,accountEnabled,securityEnabled,mailEnabled';

export function toPerson(object: GraphObject): Person {
  const mail = text(object['mail']);
  return {
    id: text(object['id']) ?? '',
    displayName: text(object['displayName']) ?? text(object['userPrincipalName']) ?? '',
    userPrincipalName: text(object['userPrincipalName']) ?? '',
    ...(mail ? { mail } : {}),
    accountEnabled: object['accountEnabled'] !== false,
  };
}

export function toGroup(object: GraphObject): Group {
  const mail = text(object['mail']);
  return {
    id: text(object['id']) ?? '',
    displayName: text(object['displayName']) ?? '',
    ...(mail ? { mail } : {}),
    securityEnabled: object['securityEnabled'] === true,
    mailEnabled: object['mailEnabled'] === true,
  };
}

/** Directory object collections say what each member is in `@odata.type`. */
export function kindOf(object: GraphObject): 'user' | 'group' | 'other' {
  const type = text(object['@odata.type']);
  if (type === '#microsoft.graph.user') return 'user';
  if (type === '#microsoft.graph.group') return 'group';
  if (type !== undefined) return 'other';
  return 'userPrincipalName' in object ? 'user' : 'securityEnabled' in object || 'mailEnabled' in object ? 'group' : 'other';
}

/** An OData string literal, percent-encoded for a query string the SDK passes through as is. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function query(parameters: Readonly<Record<string, string>>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

/** A path segment; `@` stays readable, as Graph takes UPNs in paths. */
export function segment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
