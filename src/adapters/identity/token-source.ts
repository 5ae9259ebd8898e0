import type { GetTokenOptions, TokenCredential } from '@azure/identity';

/**
 * Asks MSAL for a token that is not the cached one. MSAL skips its cache when the request carries claims;
 * "issued not before now" is the claim a service sends when it rejects a token (continuous access evaluation).
 */
export function freshTokenOptions(now: Date = new Date()): GetTokenOptions {
  const notBefore = Math.floor(now.getTime() / 1000).toString();
  return { claims: JSON.stringify({ access_token: { nbf: { essential: true, value: notBefore } } }) };
}

/** A bearer token for one resource, fresh on demand (after a 401). */
export async function bearerToken(credential: TokenCredential, scope: string, renew: boolean): Promise<string> {
  const token = await credential.getToken(scope, renew ? freshTokenOptions() : {});
  if (!token) throw new Error(`No token was issued for ${scope}`);
  return token.token;
}

/**
 * A credential whose next token for a scope can be forced fresh, for clients (the Graph SDK) that ask the
 * credential themselves on every request.
 */
export class RenewableCredential implements TokenCredential {
  private readonly renewing = new Set<string>();

  constructor(private readonly inner: TokenCredential) {}

  renew(scope: string): void {
    this.renewing.add(scope);
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}) {
    const key = [scopes].flat().join(' ');
    if (!this.renewing.delete(key)) return this.inner.getToken(scopes, options);
    return this.inner.getToken(scopes, { ...options, ...freshTokenOptions() });
  }
}
