import type { RunningSimulator } from '../../src/simulator';

/**
 * The bot's settings pointing at a simulated tenant (its first app registration, its first group as admins),
 * as environment variables; `overrides` adds to or replaces them (store, log level, Bot Framework identity…).
 */
export function simulatorSettings(sim: RunningSimulator, overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  const app = sim.seed.apps[0]!;
  return {
    PORT: '0',
    AZURE_TENANT_ID: sim.tenantId,
    AZURE_CLIENT_ID: app.clientId,
    AZURE_CLIENT_SECRET: app.clientSecret,
    AZURE_AUTHORITY_HOST: sim.url,
    GRAPH_BASE_URL: sim.url,
    EXCHANGE_BASE_URL: sim.url,
    ADMIN_GROUP_ID: sim.seed.groups[0]!.id,
    MAIL_DOMAINS: sim.defaultDomain,
    ...overrides,
  };
}
