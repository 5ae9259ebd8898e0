import {
  TeamsInfo,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { AccessReview } from '../domain/access-review';
import type { ChangeRequest } from '../domain/change-request';
import type { ReportSummary } from '../domain/tenant-report';
import type { Logger } from '../log';
import { APPROVALS_CHANNEL_KEY } from '../app/requests/approvals-channel';
import type { Notifier, Store } from '../ports';
import { requestCard, undeliveredText } from '../views';
import { grantEndedText, grantEndingView } from '../views/grant-ending-card';
import { reportSummaryView } from '../views/report-card';
import { reviewOverdueText, reviewView } from '../views/review-card';
import { KeyedTurns } from '../keyed-turns';
import { toMessage } from './replies';
import type { TeamsUserIds } from './teams-user-ids';
import { UnchangedWrites } from './unchanged-writes';

interface CardCopy {
  readonly reference: Partial<ConversationReference>;
  readonly activityId: string;
}

// 'revoked' is told by grantEnded, to the trustee and the approver as well as the requester.
const TERMINAL = new Set(['done', 'failed', 'rejected', 'expired']);
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** Sends and updates request cards proactively, through stored conversation references. */
export class TeamsNotifier implements Notifier {
  /** Approval cards on their way, by request. */
  private readonly deliveries = new Map<string, Promise<void>>();
  private readonly remembered = new UnchangedWrites();
  /** The reply to the requester and the approvers' cards add copies of one request at about the same time. */
  private readonly copyTurns = new KeyedTurns();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly tenantId: string,
    private readonly store: Store,
    private readonly userIds: TeamsUserIds,
    private readonly log: Logger,
  ) {}

  /** Keeps each person's 1:1 chat and the service endpoint, so cards can reach them later. */
  async rememberConversation(activity: Activity): Promise<void> {
    const reference = TurnContext.getConversationReference(activity);
    // Every activity carries these; writing them only when they change spares the store a write per activity.
    const put = (key: string, value: unknown, compared = value) => this.remembered.put(key, compared, () => this.store.putDocument(key, value));
    if (activity.serviceUrl) await put('settings:service-url', activity.serviceUrl);
    if (reference.bot) await put('settings:bot-account', reference.bot, reference.bot.id);
    const userId = activity.from?.aadObjectId;
    if (userId && activity.conversation?.conversationType === 'personal') {
      // Messages and invokes describe the same chat with different details; these fields are what reach it.
      const { conversation, user, bot, channelId, serviceUrl } = reference;
      await put(`conversation:${userId}`, reference, [conversation?.id, user?.id, bot?.id, channelId, serviceUrl]);
    }
  }

  /** Records a message that shows a request, so it is updated when the request changes. */
  async rememberCopy(requestId: string, activity: Activity, activityId: string): Promise<void> {
    await this.addCopies(requestId, [{ reference: TurnContext.getConversationReference(activity), activityId }]);
  }

  private addCopies(requestId: string, copies: readonly CardCopy[]): Promise<void> {
    const key = `card:${requestId}`;
    return this.copyTurns.run(key, async () => this.store.putDocument(key, [...((await this.store.getDocument<CardCopy[]>(key)) ?? []), ...copies]));
  }

  /**
   * Delivery goes on after the turn: opening a new 1:1 chat can take seconds with retries, and the request
   * is already stored (`pending` shows it), so the requester need not wait for it.
   */
  async askForApproval(request: ChangeRequest): Promise<void> {
    const delivery = this.deliverApprovals(request).catch((error: unknown) => {
      this.log.error('could not send the approval card', { requestId: request.id, error });
    });
    this.deliveries.set(request.id, delivery);
    void delivery.finally(() => {
      if (this.deliveries.get(request.id) === delivery) this.deliveries.delete(request.id);
    });
  }

  /** Settles when every approval card still on its way has been sent (or given up on). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.deliveries.values()]);
  }

  private async deliverApprovals(request: ChangeRequest): Promise<void> {
    const channel = await this.approvalsChannel();
    // In a 1:1 chat only the approver sees the card, so it carries the buttons; in a channel the
    // buttons come from the refresh, which Teams runs only for the approvers in refresh.userIds.
    if (channel) await this.learnFromRoster(channel, [request.requester.id, ...request.approverIds]);
    const targets = channel
      ? [{ reference: channel, viewer: 'other' as const }]
      : await Promise.all(request.approverIds.map(async (id) => ({ reference: await this.personalReference(id), viewer: 'approver' as const })));
    const sent: CardCopy[] = [];
    for (const { reference, viewer } of targets) {
      if (!reference) continue;
      const activityId = await this.send(reference, toMessage(await this.userIds.address(requestCard(request, viewer))));
      if (activityId) sent.push({ reference, activityId });
    }
    if (sent.length === 0) {
      await this.sendToEach([request.requester.id], { type: 'message', text: undeliveredText(request) });
      return;
    }
    await this.addCopies(request.id, sent);
    // An approver may have decided while the other cards were on their way: those copies show it too.
    const current = await this.store.getRequest(request.id);
    if (current && current.status !== request.status) await this.updateCopies(current, sent);
  }

  async requestChanged(request: ChangeRequest): Promise<void> {
    // Cards still on their way are updated once all are out, so none is left showing the old state.
    await this.deliveries.get(request.id);
    await this.updateCopies(request, (await this.store.getDocument<CardCopy[]>(`card:${request.id}`)) ?? []);
    if (!TERMINAL.has(request.status)) return;
    const requester = await this.personalReference(request.requester.id);
    if (requester) await this.send(requester, { type: 'message', text: requestCard(request, 'requester').text });
  }

  /** A channel card's buttons come from its refresh, so people the bot has not met are looked up in the roster. */
  private async learnFromRoster(channel: Partial<ConversationReference>, entraIds: readonly string[]): Promise<void> {
    const unknown = await this.userIds.unknown(entraIds);
    if (unknown.length === 0) return;
    await this.continueWith(channel, async (context) => {
      for (const id of unknown) {
        const member = await TeamsInfo.getMember(context, id).catch((error: unknown) => this.log.warn('could not look up a channel member', { userId: id, error }));
        if (member?.id) await this.userIds.learn({ from: { id: member.id, name: member.name, aadObjectId: id } });
      }
    });
  }

  private async updateCopies(request: ChangeRequest, copies: readonly CardCopy[]): Promise<void> {
    const card = toMessage(await this.userIds.address(requestCard(request, 'other')));
    for (const copy of copies) {
      await this.continueWith(copy.reference, (context) => context.updateActivity({ ...card, id: copy.activityId }));
    }
  }

  async grantEnding(request: ChangeRequest): Promise<void> {
    const trustee = request.change.kind === 'grant' && request.change.trustee.kind === 'user' ? request.change.trustee.id : undefined;
    const reference = trustee ? await this.personalReference(trustee) : undefined;
    if (reference) await this.send(reference, toMessage(grantEndingView(request)));
  }

  async grantEnded(request: ChangeRequest): Promise<void> {
    const change = request.change;
    const people = [change.kind === 'grant' && change.trustee.kind === 'user' ? change.trustee.id : undefined, request.decision?.by.id, request.requester.id];
    await this.sendToEach(people.filter((person): person is string => person !== undefined), { type: 'message', text: grantEndedText(request) });
  }

  async reportReady(userId: string, summary: ReportSummary): Promise<void> {
    const reference = await this.personalReference(userId);
    if (reference) await this.send(reference, toMessage(reportSummaryView(summary)));
  }

  async reviewAssigned(review: AccessReview, userIds: readonly string[], reminder: boolean): Promise<void> {
    await this.sendToEach(userIds, toMessage(reviewView(review, { reminder })));
  }

  /** Goes where approvals for mailboxes without owners go: the approvals channel, else each admin's 1:1 chat. */
  async reviewOverdue(review: AccessReview, adminIds: readonly string[]): Promise<void> {
    const text = reviewOverdueText(review);
    const channel = await this.approvalsChannel();
    if (channel) {
      await this.send(channel, { type: 'message', text });
      return;
    }
    await this.sendToEach(adminIds, { type: 'message', text });
  }

  /** The channel set with "set approvals channel", pointed at the channel itself so each message starts a thread. */
  private async approvalsChannel(): Promise<Partial<ConversationReference> | undefined> {
    const channel = await this.store.getDocument<Partial<ConversationReference>>(APPROVALS_CHANNEL_KEY);
    return channel && channelRoot(channel);
  }

  /** The same message to each person's 1:1 chat, once per person. */
  private async sendToEach(userIds: readonly string[], activity: Partial<Activity>): Promise<void> {
    for (const id of new Set(userIds)) {
      const reference = await this.personalReference(id);
      if (reference) await this.send(reference, activity);
    }
  }

  private async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.continueWith(reference, async (context) => {
      // A proactive turn starts from a made-up activity, which botbuilder would make this a reply to:
      // a new message (a new thread in a channel) is what is meant.
      context.onSendActivities(async (_context, activities, next) => {
        for (const outgoing of activities) delete outgoing.replyToId;
        return next();
      });
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }

  /** Failures to reach one person are logged and do not stop the others (the request itself is safe in the store). */
  private async continueWith(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<unknown>): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await logic(context);
      });
    } catch (error) {
      this.log.warn('could not reach a conversation', { conversation: reference.conversation?.id, error });
    }
  }

  /** The person's 1:1 chat: stored when they last wrote to the bot, else created. */
  private async personalReference(userId: string): Promise<Partial<ConversationReference> | undefined> {
    const stored = await this.store.getDocument<Partial<ConversationReference>>(`conversation:${userId}`);
    if (stored) return stored;
    const serviceUrl = await this.store.getDocument<string>('settings:service-url');
    const bot = await this.store.getDocument<{ id: string; name?: string }>('settings:bot-account');
    if (!serviceUrl || !bot) return undefined;
    const parameters = {
      isGroup: false,
      bot,
      members: [{ id: userId }],
      tenantId: this.tenantId,
      channelData: { tenant: { id: this.tenantId } },
    } as ConversationParameters;
    let created: Partial<ConversationReference> | undefined;
    try {
      await this.adapter.createConversationAsync(this.appId, 'msteams', serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, async (context) => {
        created = TurnContext.getConversationReference(context.activity);
      });
    } catch (error) {
      this.log.warn('could not open a 1:1 chat', { userId, error });
    }
    if (created) await this.store.putDocument(`conversation:${userId}`, created);
    return created;
  }
}

/** A channel reference taken from a reply thread, pointed at the channel itself so each card starts a thread. */
function channelRoot(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const id = reference.conversation?.id?.split(';')[0];
  return id && reference.conversation ? { ...reference, conversation: { ...reference.conversation, id } } : reference;
}
