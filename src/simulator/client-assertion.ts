import { importX509, jwtVerify } from 'jose';
import type { SeedApp } from './seed';

/** Checks a certificate credential's signed assertion; returns why it fails, or null. */
export async function verifyClientAssertion(app: SeedApp, assertion: string, audience: string, now: Date): Promise<string | null> {
  if (!app.certificatePem) return 'No certificate is registered for this application.';
  try {
    for (const alg of ['PS256', 'RS256']) {
      const key = await importX509(app.certificatePem, alg);
      try {
        const { payload } = await jwtVerify(assertion, key, { algorithms: [alg], currentDate: now, clockTolerance: 300 });
        if (payload.iss !== app.clientId || payload.sub !== app.clientId) return 'The assertion issuer and subject must be the client id.';
        const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
        if (!aud.some((a) => typeof a === 'string' && a.toLowerCase().startsWith(audience.split('/oauth2/')[0]!.toLowerCase()))) {
          return 'The assertion audience does not name this token endpoint.';
        }
        return null;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_JOSE_ALG_NOT_ALLOWED') throw error;
      }
    }
    return 'Unsupported assertion algorithm.';
  } catch (error) {
    return `Signature or claims are not valid (${(error as { code?: string }).code ?? 'error'}).`;
  }
}
