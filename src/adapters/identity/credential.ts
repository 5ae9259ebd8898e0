import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { AppError } from '../../domain/errors';

/** The app that calls Exchange and Graph (`AZURE_*` in the configuration). */
export interface CredentialConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** PEM file holding the certificate and its private key. */
  readonly certificatePath?: string;
  /** Token authority origin; Microsoft's unless pointed at the simulator or a sovereign cloud. */
  readonly authorityHost?: string;
  /** Use the Azure managed identity whose client id is `clientId`. */
  readonly managedIdentity?: boolean;
}

const MICROSOFT_AUTHORITIES = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export function createCredential(config: CredentialConfig): TokenCredential {
  const authority = authorityOptions(config.authorityHost);
  if (config.clientSecret) {
    return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, authority);
  }
  if (config.certificatePath) {
    return new ClientCertificateCredential(config.tenantId, config.clientId, { certificatePath: config.certificatePath }, authority);
  }
  if (config.managedIdentity) return new ManagedIdentityCredential({ clientId: config.clientId });
  throw new AppError(
    'invalid',
    'No way to sign in to Microsoft 365: set AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or deploy with a managed identity.',
  );
}

function authorityOptions(authorityHost: string | undefined) {
  if (authorityHost === undefined) return {};
  const url = parseHttps(authorityHost);
  // MSAL validates unknown authorities against login.microsoftonline.com unless told the host is trusted.
  return { authorityHost: url.origin, disableInstanceDiscovery: !MICROSOFT_AUTHORITIES.has(url.hostname) };
}

function parseHttps(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('invalid', `AZURE_AUTHORITY_HOST "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:') throw new AppError('invalid', `AZURE_AUTHORITY_HOST must use https: (got "${value}").`);
  return url;
}
