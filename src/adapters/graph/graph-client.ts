import type { TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const MICROSOFT_GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);

/**
 * A Graph SDK client for `baseUrl` (Microsoft's, or the simulator's). The SDK's own retry handler is left out
 * of the chain: its fixed waits would cost ≈ 16 s per call in a 503 storm, and RetryPolicy already retries.
 */
export function createGraphClient(credential: TokenCredential, baseUrl = 'https://graph.microsoft.com/'): Client {
  const url = new URL(baseUrl);
  const authentication = new AuthenticationHandler(new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] }));
  const customHosts = MICROSOFT_GRAPH_HOSTS.has(url.hostname) ? undefined : new Set([url.hostname]);
  return Client.initWithMiddleware({
    middleware: [authentication, new HTTPMessageHandler()],
    baseUrl: url.href.endsWith('/') ? url.href : `${url.href}/`,
    ...(customHosts ? { customHosts } : {}),
  });
}
