import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const EXCHANGE_AUDIENCE = 'https://outlook.office365.com';
export const TOKEN_LIFETIME_SECONDS = 3599;

export interface AccessClaims extends JWTPayload {
  aud: string;
  tid: string;
  appid: string;
  roles: string[];
}

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: string };

export interface TokenService {
  jwks(): { keys: JWK[] };
  issue(input: { audience: string; appId: string; roles: string[] }): Promise<string>;
  verify(token: string, audience: string): Promise<TokenCheck>;
}

export async function createTokenService(issuer: () => string, tenantId: string, now: () => Date): Promise<TokenService> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  // Signature checks dominate the simulator's CPU when every item of thousands of $batches carries the same
  // token; one that passed is trusted again for as long as its own time limits hold.
  const verified = new Map<string, AccessClaims>();
  return {
    jwks: () => ({ keys: [publicJwk] }),
    issue: (input) => sign(privateKey as CryptoKey, kid, issuer(), tenantId, now(), input),
    async verify(token, audience) {
      const cacheKey = `${issuer()} ${audience} ${token}`;
      const known = verified.get(cacheKey);
      if (known && withinLifetime(known, now())) return { ok: true, claims: known };
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          algorithms: ['RS256'], issuer: issuer(), audience, currentDate: now(), clockTolerance: 0,
        });
        if (payload['tid'] !== tenantId) return { ok: false, reason: 'token issued for another tenant' };
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.clear();
        verified.set(cacheKey, payload as AccessClaims);
        return { ok: true, claims: payload as AccessClaims };
      } catch (error) {
        return { ok: false, reason: (error as { code?: string }).code ?? 'invalid token' };
      }
    },
  };
}

const VERIFIED_TOKENS_KEPT = 1000;

/** The time checks `jwtVerify` makes with no clock tolerance; a token outside them is verified afresh. */
function withinLifetime(claims: AccessClaims, at: Date): boolean {
  const seconds = Math.floor(at.getTime() / 1000);
  return typeof claims.exp === 'number' && seconds < claims.exp && (typeof claims.nbf !== 'number' || claims.nbf <= seconds);
}

async function sign(
  key: CryptoKey, kid: string, issuer: string, tenantId: string, at: Date,
  input: { audience: string; appId: string; roles: string[] },
): Promise<string> {
  const iat = Math.floor(at.getTime() / 1000);
  return new SignJWT({ tid: tenantId, appid: input.appId, appidacr: '1', roles: input.roles, ver: '1.0', oid: input.appId })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuer(issuer)
    .setAudience(input.audience)
    .setSubject(input.appId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .sign(key);
}
