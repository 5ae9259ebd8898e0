import { randomUUID } from 'node:crypto';
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
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

export interface BotDeps {
  readonly app: App;
  readonly notifier: TeamsNotifier;
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
      const { view, outcome } = await this.dispatch(context, () => parseText(text));
      const sent = await context.sendActivity(toMessage(view));
      if (outcome?.kind === 'request-created' && sent?.id) {
        await this.deps.notifier.rememberCopy(outcome.request.id, context.activity, sent.id);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const tenant = tenantOf(context.activity);
    if (tenant?.toLowerCase() !== this.deps.tenantId.toLowerCase()) {
      this.deps.log.warn('activity from another tenant dropped', { tenant, type: context.activity.type });
      return;
    }
    await this.deps.notifier.rememberConversation(context.activity);
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invoke?.action;
    const { view } = await this.dispatch(context, () => parseAction(String(action?.verb ?? ''), action?.data));
    return toInvokeResponse(view);
  }

  /** Expected failures become friendly cards; anything else is logged with a reference the user can quote. */
  private async dispatch(context: TurnContext, parse: () => Command): Promise<{ view: View; outcome?: Outcome }> {
    const viewerId = context.activity.from?.aadObjectId ?? '';
    try {
      const outcome = await this.deps.app.execute(actorOf(context.activity), parse());
      return { view: viewOutcome(outcome, viewerId), outcome };
    } catch (error) {
      if (error instanceof AppError) return { view: errorView(error.message) };
      const reference = randomUUID().slice(0, 8);
      this.deps.log.error('turn failed', { reference, error });
      return { view: errorView('Sorry, something went wrong on my side. Please try again in a minute.', reference) };
    }
  }
}
