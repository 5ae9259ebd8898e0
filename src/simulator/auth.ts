import type { SimContext } from './context';
import { bearerToken, type Reply } from './http';
import { forbiddenReply } from './exo/errors';
import { graphError } from './graph/errors';
import { EXCHANGE_AUDIENCE, GRAPH_AUDIENCE, type AccessClaims } from './tokens';

export type AuthOutcome = { ok: true; claims: AccessClaims } | { ok: false; reply: Reply };

const EXO_CHALLENGE = 'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"';

export async function authorizeExo(ctx: SimContext, headers: Record<string, string>): Promise<AuthOutcome> {
  const token = bearerToken(headers);
  const check = token ? await ctx.tokens.verify(token, EXCHANGE_AUDIENCE) : undefined;
  if (!check?.ok) {
    return { ok: false, reply: { status: 401, headers: { 'WWW-Authenticate': EXO_CHALLENGE, 'x-ms-diagnostics': `2000001;reason="${check ? check.reason : 'no token'}";error_category="invalid_token"` } } };
  }
  if (!check.claims.roles?.includes('Exchange.ManageAsApp')) return { ok: false, reply: forbiddenReply() };
  return { ok: true, claims: check.claims };
}

/** Graph routes name the app roles that allow them; any one suffices. */
export async function authorizeGraph(ctx: SimContext, headers: Record<string, string>, anyRole: string[]): Promise<AuthOutcome> {
  const token = bearerToken(headers);
  if (!token) return { ok: false, reply: graphError(ctx, headers, 401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' }) };
  const check = await ctx.tokens.verify(token, GRAPH_AUDIENCE);
  if (!check.ok) {
    const message = check.reason === 'ERR_JWT_EXPIRED' ? 'Lifetime validation failed, the token is expired.'
      : check.reason === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'Access token validation failure. Invalid audience.'
        : 'Access token validation failure.';
    return { ok: false, reply: graphError(ctx, headers, 401, 'InvalidAuthenticationToken', message) };
  }
  if (!anyRole.some((role) => check.claims.roles?.includes(role))) {
    return { ok: false, reply: graphError(ctx, headers, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.') };
  }
  return { ok: true, claims: check.claims };
}
