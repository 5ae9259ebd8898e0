/** What a typed mailbox or person reference looks like before anything is looked up. */
export type NameQuery =
  | { readonly kind: 'address'; readonly address: string }
  /** `info` or `info@`: an alias in the tenant's default domain, or (for a bare word) maybe a display name. */
  | { readonly kind: 'alias'; readonly address: string; readonly bare: boolean }
  | { readonly kind: 'name'; readonly text: string };

const ALIAS = /^[a-z0-9][a-z0-9._'+-]*$/i;
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseNameQuery(query: string, defaultDomain: string): NameQuery {
  const text = query.trim();
  if (text.endsWith('@') && ALIAS.test(text.slice(0, -1))) {
    return { kind: 'alias', address: `${text.slice(0, -1)}@${defaultDomain}`.toLowerCase(), bare: false };
  }
  if (ADDRESS.test(text)) return { kind: 'address', address: text.toLowerCase() };
  if (ALIAS.test(text)) return { kind: 'alias', address: `${text}@${defaultDomain}`.toLowerCase(), bare: true };
  return { kind: 'name', text };
}

/** The part after `@`, lower-cased; undefined for a name that is not an address. */
export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address.slice(at + 1).toLowerCase() : undefined;
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
