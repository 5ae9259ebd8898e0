import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotIdentity } from '../config';
import type { Logger } from '../log';

/**
 * The Bot Framework adapter. Without an identity (demo mode) inbound requests are not authenticated and
 * replies go unauthenticated to the activity's serviceUrl, which is what the local emulator and tests speak.
 * `authOverrides` points token validation elsewhere (e.g. a local OpenID server in tests).
 */
export function createAdapter(identity: BotIdentity | undefined, log: Logger, authOverrides: Record<string, string> = {}): CloudAdapter {
  const settings = identity
    ? {
        MicrosoftAppId: identity.appId,
        MicrosoftAppPassword: identity.appPassword ?? '',
        MicrosoftAppType: identity.appType,
        MicrosoftAppTenantId: identity.tenantId ?? '',
        ...authOverrides,
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = async (context, error) => {
    const reference = randomUUID().slice(0, 8);
    log.error('turn failed', { reference, error, activityType: context.activity.type });
    if (context.activity.type === 'message') {
      await context.sendActivity(`Sorry, something went wrong on my side (reference ${reference}). Please try again in a minute.`);
    }
  };
  return adapter;
}
