import { randomUUID } from 'node:crypto';
import { isTenantName, type SimContext } from './context';
import { decodeSegment, jsonReply, type Call, type Reply } from './http';
import { EXCHANGE_AUDIENCE, GRAPH_AUDIENCE, TOKEN_LIFETIME_SECONDS } from './tokens';
import { verifyClientAssertion } from './client-assertion';

const SCOPES: Record<string, string> = {
  [`${GRAPH_AUDIENCE}/.default`]: GRAPH_AUDIENCE,
  [`${EXCHANGE_AUDIENCE}/.default`]: EXCHANGE_AUDIENCE,
};
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);

export function issuerFor(ctx: SimContext): string {
  return `${ctx.origin()}/${ctx.state.tenant.id}/v2.0`;
}

export function openIdConfiguration(ctx: SimContext, tenantSegment: string): Reply {
  if (!isTenantName(ctx, tenantSegment)) return tenantNotFound(ctx, tenantSegment);
  const base = `${ctx.origin()}/${ctx.state.tenant.id}`;
  return jsonReply(200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(ctx),
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'WW',
    cloud_instance_name: 'microsoftonline.com',
    msgraph_host: 'graph.microsoft.com',
  });
}

export function keys(ctx: SimContext, tenantSegment: string): Reply {
  if (!isTenantName(ctx, tenantSegment)) return tenantNotFound(ctx, tenantSegment);
  return jsonReply(200, ctx.tokens.jwks());
}

export async function token(ctx: SimContext, call: Call, tenantSegment: string): Promise<Reply> {
  if (!isTenantName(ctx, tenantSegment)) return tenantNotFound(ctx, tenantSegment);
  const form = new URLSearchParams(call.body.toString('utf8'));
  const basic = basicCredentials(call.headers['authorization']);
  const clientId = form.get('client_id') ?? basic?.id ?? '';
  if (form.get('grant_type') !== 'client_credentials') {
    return aadError(ctx, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`);
  }
  const app = ctx.seed.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) {
    return aadError(ctx, 400, 'unauthorized_client', 700016,
      `Application with identifier '${clientId}' was not found in the directory '${ctx.state.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const secret = form.get('client_secret') ?? basic?.secret;
  const assertion = form.get('client_assertion');
  if (assertion) {
    const problem = await verifyClientAssertion(app, assertion, `${ctx.origin()}/${ctx.state.tenant.id}/oauth2/v2.0/token`, ctx.now());
    if (problem) return aadError(ctx, 401, 'invalid_client', 700027, `Client assertion failed signature validation. ${problem}`);
  } else if (secret !== app.clientSecret) {
    return aadError(ctx, 401, 'invalid_client', 7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`);
  }
  const requested = (form.get('scope') ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s.toLowerCase()));
  const audience = requested.length === 1 ? SCOPES[requested[0]!.toLowerCase()] : undefined;
  if (!audience) {
    return aadError(ctx, 400, 'invalid_scope', 1002012,
      `The provided value for scope ${requested.join(' ') || '(none)'} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const accessToken = await ctx.tokens.issue({ audience, appId: app.clientId, roles: app.roles });
  return jsonReply(200, { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken });
}

function tenantNotFound(ctx: SimContext, tenantSegment: string): Reply {
  return aadError(ctx, 400, 'invalid_request', 90002,
    `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

function aadError(ctx: SimContext, status: number, error: string, code: number, text: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = ctx.now().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return jsonReply(status, {
    error,
    error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${ctx.origin()}/error?code=${code}`,
  });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decodeSegment(decoded.slice(0, colon)), secret: decodeSegment(decoded.slice(colon + 1)) };
}
