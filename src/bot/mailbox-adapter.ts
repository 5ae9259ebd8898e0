import { randomUUID } from 'node:crypto';
import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { BoundedMap } from '../bounded-map';
import { activityProblem } from './activity-shape';
import { makeResilient } from './connector-resilience';
import { OutboundPacer } from './outbound-pacer';

type Authentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type Authenticated = Awaited<ReturnType<Authentication['authenticateRequest']>>;

/** What `/api/messages` answers: a status and, for invokes, a JSON body. */
export interface HttpAnswer {
  readonly status: number;
  readonly body?: unknown;
}

// jsonwebtoken's own failures (bad signature, wrong algorithm, expiry) escape botbuilder unwrapped.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

type ConnectorFactory = ReturnType<Authentication['createConnectorFactory']>;

/**
 * CloudAdapter with an edge that never throws: a body that is not an activity is a 400, any token
 * botbuilder refuses is a 401 (it answers some forged tokens with a raw 500), and an unexpected failure
 * is a 5xx carrying only a reference that is also logged. Every call it makes to Teams is paced and
 * retried safely (see connector-resilience).
 */
export class MailboxAdapter extends CloudAdapter {
  constructor(
    authentication: Authentication,
    private readonly log: Logger,
    pacer: OutboundPacer = new OutboundPacer(),
  ) {
    super(resilient(authentication, pacer, log));
  }

  async answer(body: unknown, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<HttpAnswer> {
    const problem = activityProblem(body);
    if (problem) return { status: 400, body: { error: problem } };
    const activity = withDates(body as Record<string, unknown>);
    let authenticated: Authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    } catch (error) {
      if (!isTokenRejection(error)) return this.failure('could not check the caller token', error, 503);
      this.log.warn('request refused: caller not authenticated', { reason: (error as Error).message, type: activity.type, channelId: activity.channelId });
      return { status: 401 };
    }
    try {
      const invoke = await this.processActivity(authenticated, activity, logic);
      return invoke ? { status: invoke.status, body: invoke.body } : { status: 200 };
    } catch (error) {
      return this.failure('turn failed', error, 500);
    }
  }

  private failure(message: string, error: unknown, status: number): HttpAnswer {
    const reference = randomUUID().slice(0, 8);
    this.log.error(message, { reference, error });
    return { status, body: { error: 'Something went wrong on the bot side.', reference } };
  }
}

type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Authentication['createUserTokenClient']>>;
const CLIENTS_KEPT = 100;

/**
 * The same authentication, handing out Bot Connector clients for replies and proactive messages alike.
 * botbuilder builds a new client (a whole HTTP pipeline) for every turn, which costs more CPU than most turns
 * need; one client per app, service URL and audience serves them all (its credentials renew their own tokens).
 */
function resilient(authentication: Authentication, pacer: OutboundPacer, log: Logger): Authentication {
  const clients = new BoundedMap<string, ConnectorClient>(CLIENTS_KEPT);
  const wrap = (factory: ConnectorFactory): ConnectorFactory =>
    Object.assign(Object.create(factory) as ConnectorFactory, {
      create: async (serviceUrl: string, audience: string) => {
        const { appId, toChannelFromBotOAuthScope } = factory as { appId?: unknown; toChannelFromBotOAuthScope?: unknown };
        const key = JSON.stringify([appId ?? null, toChannelFromBotOAuthScope ?? null, serviceUrl, audience ?? null]);
        const known = clients.get(key);
        if (known) return known;
        const client = await factory.create(serviceUrl, audience);
        if (!makeResilient(client, pacer)) log.warn('Teams calls go unpaced: the Bot Connector client has no pipeline to hook into');
        clients.set(key, client);
        return client;
      },
    });
  const tokenClients = new BoundedMap<string, UserTokenClient>(CLIENTS_KEPT);
  return Object.assign(Object.create(authentication) as Authentication, {
    // botbuilder also builds a user-token client (another HTTP pipeline) on every turn, though only sign-in
    // prompts use it; it holds nothing but the app id and that app's credentials, so one per app id serves all.
    createUserTokenClient: async (identity: Parameters<Authentication['createUserTokenClient']>[0]) => {
      const key = JSON.stringify(appIdOf(identity) ?? null);
      const known = tokenClients.get(key);
      if (known) return known;
      const client = await authentication.createUserTokenClient(identity);
      tokenClients.set(key, client);
      return client;
    },
    createConnectorFactory: (identity: Parameters<Authentication['createConnectorFactory']>[0]) => wrap(authentication.createConnectorFactory(identity)),
    authenticateRequest: async (...args: Parameters<Authentication['authenticateRequest']>) => {
      const result = await authentication.authenticateRequest(...args);
      return result.connectorFactory ? { ...result, connectorFactory: wrap(result.connectorFactory) } : result;
    },
  });
}

/** The app a turn is for, as botbuilder reads it to build the user-token client: the audience, else the appid claim. */
function appIdOf(identity: Parameters<Authentication['createUserTokenClient']>[0]): string | undefined {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? undefined;
}

function isTokenRejection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return TOKEN_ERRORS.has(error.name) || (error as { statusCode?: unknown }).statusCode === 401;
}

/** The timestamp fields as botbuilder's own request path types them. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = body as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
