import { randomUUID } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotIdentity } from '../config';
import type { Logger } from '../log';
import { MailboxAdapter } from './mailbox-adapter';
import { OutboundPacer, type PacingLimits } from './outbound-pacer';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/**
 * Bot Framework endpoints other than Microsoft's cloud (a local OpenID server in tests). Setting any of
 * botbuilder's `To*` / `OAuthUrl` / `CallerId` settings drops the defaults of all the others, so give them all.
 */
export interface BotFrameworkEndpoints {
  readonly settings: Readonly<Record<string, string>>;
  /** Where the bot's own outbound tokens come from; botbuilder's default asks Microsoft's login service. */
  readonly credentialsFactory?: CredentialsFactory;
}

/**
 * The Bot Framework adapter. Without an identity (demo mode) inbound requests are not authenticated and
 * replies go unauthenticated to the activity's serviceUrl, which is what the local emulator and tests speak.
 */
export function createAdapter(identity: BotIdentity | undefined, log: Logger, endpoints?: BotFrameworkEndpoints, pacing?: PacingLimits): MailboxAdapter {
  const settings = identity
    ? {
        MicrosoftAppId: identity.appId,
        MicrosoftAppPassword: identity.appPassword ?? '',
        MicrosoftAppType: identity.appType,
        MicrosoftAppTenantId: identity.tenantId ?? '',
        ...endpoints?.settings,
      }
    : {};
  const authentication = new ConfigurationBotFrameworkAuthentication(settings, identity ? endpoints?.credentialsFactory : undefined);
  const adapter = new MailboxAdapter(authentication, log, new OutboundPacer(pacing));
  adapter.onTurnError = async (context, error) => {
    const reference = randomUUID().slice(0, 8);
    log.error('turn failed', { reference, error, activityType: context.activity.type });
    if (context.activity.type === 'message') {
      await context.sendActivity(`Sorry, something went wrong on my side (reference ${reference}). Please try again in a minute.`);
    } else if (context.activity.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 500, body: { error: 'Something went wrong on the bot side.', reference } } });
    }
  };
  return adapter;
}
