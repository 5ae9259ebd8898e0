import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { BotFrameworkEndpoints } from '../../src/bot/create-adapter';

type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
// botframework-connector bundles its own major of msal-node; its credentials factory needs that copy.
const { ConfidentialClientApplication } = createRequire(require.resolve('botframework-connector'))('@azure/msal-node') as {
  ConfidentialClientApplication: new (config: { auth: Record<string, unknown> }) => MsalClient;
};

const CHANNEL_ISSUER = 'https://api.botframework.com';
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

export interface ChannelTokenOptions {
  readonly serviceUrl: string;
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for an expired token. */
  readonly expiresIn?: number;
  /** `forged`: another RSA key under the published kid; `hs256`: an HMAC secret under it; `unknown-kid`: a kid never published. */
  readonly signing?: 'genuine' | 'forged' | 'hs256' | 'unknown-kid';
}

export interface OpenIdServer {
  readonly url: string;
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  /** Bearer tokens handed to the bot for its own outbound calls. */
  readonly tokensIssued: string[];
  /** What to give `startBot` so inbound tokens are checked against this server and outbound ones come from it. */
  endpoints(): BotFrameworkEndpoints;
  /** A token as the Bot Connector sends with each activity. */
  channelToken(options: ChannelTokenOptions): Promise<string>;
  close(): Promise<void>;
}

/**
 * Microsoft's Bot Framework login side, locally, over HTTPS with the development certificate: the OpenID
 * metadata and keys (endorsed for `msteams`) that inbound tokens are checked against, and a
 * client-credentials token endpoint for the bot's own outbound calls.
 */
export async function startOpenIdServer(app: { appId: string; appPassword: string; tenantId: string }): Promise<OpenIdServer> {
  const genuine = await generateKeyPair('RS256', { extractable: true });
  const forged = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(genuine.publicKey)), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  const tokensIssued: string[] = [];
  let url = '';

  const sign = (claims: Record<string, unknown>, key: CryptoKey | Uint8Array, alg: string, keyId: string, expiresIn: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg, kid: keyId, typ: 'JWT' })
      .setNotBefore(now - 60)
      .setExpirationTime(now + expiresIn)
      .sign(key);
  };

  const routes: Record<string, (body: URLSearchParams) => Promise<[number, unknown]> | [number, unknown]> = {
    'GET /v1/.well-known/openidconfiguration': () => [200, {
      issuer: CHANNEL_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${url}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    }],
    'GET /v1/.well-known/keys': () => [200, { keys: [jwk] }],
    [`GET /${app.tenantId}/v2.0/.well-known/openid-configuration`]: () => [200, {
      issuer: `${url}/${app.tenantId}/v2.0`,
      authorization_endpoint: `${url}/${app.tenantId}/oauth2/v2.0/authorize`,
      token_endpoint: `${url}/${app.tenantId}/oauth2/v2.0/token`,
      jwks_uri: `${url}/v1/.well-known/keys`,
    }],
    [`POST /${app.tenantId}/oauth2/v2.0/token`]: async (form) => {
      if (form.get('client_id') !== app.appId || form.get('client_secret') !== app.appPassword) return [401, { error: 'invalid_client' }];
      if (form.get('scope')?.split(' ').includes(BOT_FRAMEWORK_SCOPE) !== true) return [400, { error: 'invalid_scope' }];
      const claims = { aud: CHANNEL_ISSUER, iss: `https://sts.windows.net/${app.tenantId}/`, appid: app.appId, tid: app.tenantId, ver: '1.0' };
      const token = await sign(claims, genuine.privateKey, 'RS256', kid, 3600);
      tokensIssued.push(token);
      return [200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token }];
    },
  };

  const certDir = process.env['SIMULATOR_CERT_DIR'] ?? join(__dirname, '..', '..', 'data', 'dev-cert');
  const server: Server = createServer({ cert: readFileSync(join(certDir, 'cert.pem')), key: readFileSync(join(certDir, 'key.pem')) }, (req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const route = routes[`${req.method} ${(req.url ?? '/').split('?')[0]}`];
      void Promise.resolve(route ? route(new URLSearchParams(text)) : ([404, { error: 'not_found' }] as [number, unknown])).then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `https://127.0.0.1:${port}`;

  return {
    url,
    ...app,
    tokensIssued,
    endpoints: () => ({
      settings: {
        ToBotFromChannelOpenIdMetadataUrl: `${url}/v1/.well-known/openidconfiguration`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${url}/v1/.well-known/openidconfiguration`,
        ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
        ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
        ToChannelFromBotLoginUrl: `${url}/${app.tenantId}`,
        OAuthUrl: `${url}/oauth`,
        CallerId: 'urn:botframework:azure',
        ValidateAuthority: 'false',
      },
      credentialsFactory: new MsalServiceClientCredentialsFactory(
        app.appId,
        new ConfidentialClientApplication({
          auth: { clientId: app.appId, clientSecret: app.appPassword, authority: `${url}/${app.tenantId}`, knownAuthorities: [`127.0.0.1:${port}`] },
        }),
      ),
    }),
    channelToken: (options) => {
      const claims = { serviceurl: options.serviceUrl, iss: options.issuer ?? CHANNEL_ISSUER, aud: options.audience ?? app.appId };
      const expiresIn = options.expiresIn ?? 3600;
      switch (options.signing ?? 'genuine') {
        case 'genuine': return sign(claims, genuine.privateKey, 'RS256', kid, expiresIn);
        case 'forged': return sign(claims, forged.privateKey, 'RS256', kid, expiresIn);
        case 'unknown-kid': return sign(claims, forged.privateKey, 'RS256', randomUUID(), expiresIn);
        case 'hs256': return sign(claims, randomBytes(32), 'HS256', kid, expiresIn);
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
