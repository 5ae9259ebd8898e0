import { randomUUID } from 'node:crypto';
import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { activityProblem } from './activity-shape';

type Authentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type Authenticated = Awaited<ReturnType<Authentication['authenticateRequest']>>;

/** What `/api/messages` answers: a status and, for invokes, a JSON body. */
export interface HttpAnswer {
  readonly status: number;
  readonly body?: unknown;
}

// jsonwebtoken's own failures (bad signature, wrong algorithm, expiry) escape botbuilder unwrapped.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * CloudAdapter with an edge that never throws: a body that is not an activity is a 400, any token
 * botbuilder refuses is a 401 (it answers some forged tokens with a raw 500), and an unexpected failure
 * is a 5xx carrying only a reference that is also logged.
 */
export class MailboxAdapter extends CloudAdapter {
  constructor(
    authentication: Authentication,
    private readonly log: Logger,
  ) {
    super(authentication);
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
