import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { App } from '../app/app';
import type { Outcome } from '../app/outcome';
import type { Command } from '../commands/command';
import { parseAction } from '../commands/parse-action';
import { parseText } from '../commands/parse-text';
import { AppError } from '../domain/errors';
import type { Logger } from '../log';
import { errorView, viewOutcome, type View } from '../views';
import { actorOf, tenantOf } from './actor';
import { toInvokeResponse, toMessage } from './replies';
import type { TeamsNotifier } from './teams-notifier';
import type { TeamsUserIds } from './teams-user-ids';

/** Commands fit on a line; longer text is pasted content, and quoting it back could overflow Teams' 28 KB message limit. */
const MAX_MESSAGE_LENGTH = 2_000;

function parseMessage(text: string): Command {
  if (text.length > MAX_MESSAGE_LENGTH) {
    throw new AppError('invalid', `That message is too long for me (${text.length.toLocaleString('en-US')} characters). Commands fit on one line, like: who can access info@`);
  }
  return parseText(text);
}

export interface BotDeps {
  readonly app: App;
  readonly notifier: TeamsNotifier;
  readonly userIds: TeamsUserIds;
  /** The only tenant served; activities from any other are dropped. */
  readonly tenantId: string;
  readonly log: Logger;
}

/** Teams transport: activity → Command → app → card. No business rules live here. */
export class MailboxBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      const { view, outcome } = await this.dispatch(context, () => parseMessage(text));
      const sent = await context.sendActivity(toMessage(await this.deps.userIds.address(view)));
      if (outcome?.kind === 'request-created' && sent?.id) {
        await this.deps.notifier.rememberCopy(outcome.request.id, context.activity, sent.id);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const tenant = tenantOf(context.activity);
    if (tenant?.toLowerCase() !== this.deps.tenantId.toLowerCase()) {
      const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
      this.deps.log.warn('activity from another tenant dropped', {
        conversationTenant: context.activity.conversation?.tenantId,
        channelDataTenant: channelData?.tenant?.id,
        type: context.activity.type,
      });
      // An invoke still needs an HTTP answer; 403 says "not for you" without showing anything.
      if (context.activity.type === 'invoke') await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
      return;
    }
    await Promise.all([this.deps.notifier.rememberConversation(context.activity), this.deps.userIds.learn(context.activity)]);
    await super.run(context);
  }

  /** A card action without an `Action.Execute` would trip botbuilder's own parsing; it gets a clear 400. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action' && !isActionExecute(context.activity.value)) {
      this.deps.log.warn('malformed card action refused', { from: context.activity.from?.aadObjectId });
      return { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'The card action is malformed.' } } };
    }
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invoke?.action;
    const { view } = await this.dispatch(context, () => parseAction(String(action?.verb ?? ''), action?.data));
    return toInvokeResponse(await this.deps.userIds.address(view));
  }

  /** Expected failures become friendly cards; anything else is logged with a reference the user can quote. */
  private async dispatch(context: TurnContext, parse: () => Command): Promise<{ view: View; outcome?: Outcome }> {
    const viewerId = context.activity.from?.aadObjectId ?? '';
    try {
      const outcome = await this.deps.app.execute(actorOf(context.activity), parse());
      return { view: viewOutcome(outcome, viewerId), outcome };
    } catch (error) {
      // An outage is worth a reference the user can quote to whoever reads the logs; a user's mistake is not.
      if (error instanceof AppError && error.code === 'unavailable') {
        const reference = randomUUID().slice(0, 8);
        this.deps.log.warn('service unavailable', { reference, message: error.message, error: error.cause ?? error });
        return { view: errorView(error.message, reference) };
      }
      if (error instanceof AppError) return { view: errorView(error.message) };
      const reference = randomUUID().slice(0, 8);
      this.deps.log.error('turn failed', { reference, error });
      return { view: errorView('Sorry, something went wrong on my side. Please try again in a minute.', reference) };
    }
  }
}

function isActionExecute(value: unknown): boolean {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  return typeof action === 'object' && action !== null && (action as { type?: unknown }).type === 'Action.Execute';
}
