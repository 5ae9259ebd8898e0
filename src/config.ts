/** Configuration (DESIGN §9), read once from the environment, validated, every problem listed at once. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface BotIdentity {
  readonly appId: string;
  readonly appPassword?: string;
  readonly tenantId?: string;
  readonly appType: string;
}

export interface M365Access {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly certificatePath?: string;
  readonly managedIdentity: boolean;
  readonly authorityHost?: string;
  readonly graphBaseUrl: string;
  readonly exchangeBaseUrl: string;
}

export interface Config {
  readonly port: number;
  /** Bot Framework identity; absent → demo mode (no inbound auth, loopback only). */
  readonly bot?: BotIdentity;
  /** The app that calls Exchange and Graph; absent → the simulated tenant. */
  readonly m365?: M365Access;
  readonly simulator: { readonly seedPath: string; readonly port: number };
  readonly adminGroupId?: string;
  /** Mail domains of the tenant, default first (`info@` resolves in it); from the seed in simulator mode. */
  readonly mailDomains: readonly string[];
  readonly store: string;
  readonly playground: boolean;
  readonly requestLifetimeDays: number;
  /** The longest a time-bound grant may last (MAX_GRANT_DAYS); absent → no limit. */
  readonly maxGrantDays?: number;
  /** Days between scheduled access reviews of each shared mailbox with owners (REVIEW_EVERY_DAYS); absent → none. */
  readonly reviewEveryDays?: number;
  /** How long an instance's claim on an execution lasts: after a crash, another instance resumes it this much later. */
  readonly executionLeaseSeconds: number;
  /** How long a tenant report stays with its instance after the last checkpoint, before another may resume it. */
  readonly reportLeaseSeconds: number;
  /** Time between request sweeps (resumed executions, expiry, ended grants). */
  readonly sweepIntervalSeconds: number;
  /** Instances sharing the tenant's Teams sending limits (BOT_INSTANCES); each paces its sends at this share of them. */
  readonly botInstances: number;
  /** The bot's public base URL (PUBLIC_URL), for download links; absent → the address it listens on. */
  readonly publicUrl?: string;
  readonly logLevel: LogLevel;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const guid = (name: string): string | undefined => {
    const value = read(name);
    if (value !== undefined && !GUID.test(value)) problems.push(`${name} must be a GUID (got "${value}")`);
    return value;
  };

  const port = integer('PORT', 3978, 0, 65535);
  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${logLevel}")`);

  const bot = readBotIdentity(read, guid, problems);
  const m365 = readM365Access(read, guid, problems);
  const adminGroupId = guid('ADMIN_GROUP_ID');
  if (m365 && !adminGroupId) problems.push('ADMIN_GROUP_ID is required with a real tenant (the Entra group whose members are admins)');
  const mailDomains = (read('MAIL_DOMAINS') ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (m365 && mailDomains.length === 0) problems.push('MAIL_DOMAINS is required with a real tenant (e.g. contoso.com,contoso.onmicrosoft.com)');

  const store = read('STORE') ?? 'sqlite:./data/bot.db';
  if (!/^(sqlite:.+|azure-tables:.+)$/.test(store)) problems.push('STORE must be sqlite:<path> or azure-tables:<connection string>');
  const playground = (read('PLAYGROUND') ?? '1') !== '0';

  const config: Config = {
    port,
    ...(bot ? { bot } : {}),
    ...(m365 ? { m365 } : {}),
    simulator: { seedPath: read('TENANT_SEED') ?? 'src/simulator/seeds/demo.json', port: integer('SIMULATOR_PORT', 3979, 0, 65535) },
    ...(adminGroupId ? { adminGroupId } : {}),
    mailDomains,
    store,
    playground,
    requestLifetimeDays: integer('REQUEST_LIFETIME_DAYS', 7, 1, 90),
    ...(read('MAX_GRANT_DAYS') === undefined ? {} : { maxGrantDays: integer('MAX_GRANT_DAYS', 0, 1, 3650) }),
    ...(read('REVIEW_EVERY_DAYS') === undefined ? {} : { reviewEveryDays: integer('REVIEW_EVERY_DAYS', 0, 1, 3650) }),
    executionLeaseSeconds: integer('EXECUTION_LEASE_SECONDS', 300, 2, 3600),
    reportLeaseSeconds: integer('REPORT_LEASE_SECONDS', 300, 2, 3600),
    sweepIntervalSeconds: integer('SWEEP_INTERVAL_SECONDS', 30, 1, 60),
    botInstances: integer('BOT_INSTANCES', 1, 1, 50),
    ...publicUrlOf(read('PUBLIC_URL'), problems),
    logLevel,
  };
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}\n(see .env.example)`);
  return config;
}

type Read = (name: string) => string | undefined;

/** Download links leave the bot, so they must be https (plain http only for this machine). */
function publicUrlOf(value: string | undefined, problems: string[]): { publicUrl?: string } {
  if (value === undefined) return {};
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const local = url?.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname);
  if (!url || (url.protocol !== 'https:' && !local)) {
    problems.push(`PUBLIC_URL must be an https:// URL (got "${value}")`);
    return {};
  }
  return { publicUrl: value.replace(/\/+$/, '') };
}

function readBotIdentity(read: Read, guid: Read, problems: string[]): BotIdentity | undefined {
  const appId = guid('MicrosoftAppId');
  if (!appId) return undefined;
  const appType = read('MicrosoftAppType') ?? 'SingleTenant';
  if (!['SingleTenant', 'MultiTenant', 'UserAssignedMSI'].includes(appType)) problems.push(`MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI (got "${appType}")`);
  const appPassword = read('MicrosoftAppPassword');
  if (appType !== 'UserAssignedMSI' && !appPassword) problems.push('MicrosoftAppPassword is required with MicrosoftAppId (unless MicrosoftAppType=UserAssignedMSI)');
  const tenantId = guid('MicrosoftAppTenantId');
  if (appType !== 'MultiTenant' && !tenantId) problems.push('MicrosoftAppTenantId is required for a single-tenant bot');
  return { appId, appType, ...(appPassword ? { appPassword } : {}), ...(tenantId ? { tenantId } : {}) };
}

function readM365Access(read: Read, guid: Read, problems: string[]): M365Access | undefined {
  const clientId = guid('AZURE_CLIENT_ID');
  if (!clientId) return undefined;
  const tenantId = guid('AZURE_TENANT_ID');
  if (!tenantId) problems.push('AZURE_TENANT_ID is required with AZURE_CLIENT_ID');
  const clientSecret = read('AZURE_CLIENT_SECRET');
  const certificatePath = read('AZURE_CLIENT_CERTIFICATE_PATH');
  const authorityHost = read('AZURE_AUTHORITY_HOST');
  if (authorityHost && !authorityHost.startsWith('https://')) problems.push('AZURE_AUTHORITY_HOST must be an https:// URL');
  return {
    tenantId: tenantId ?? '',
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    ...(certificatePath ? { certificatePath } : {}),
    ...(authorityHost ? { authorityHost } : {}),
    managedIdentity: !clientSecret && !certificatePath,
    graphBaseUrl: read('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com',
    exchangeBaseUrl: read('EXCHANGE_BASE_URL') ?? 'https://outlook.office365.com',
  };
}
