import { cardAction, personalMessage, type Speaker } from '../test/support/activities';

/** Activities per second offered, and how many of them are typed messages (each answered by a POST to Teams). */
export const RATE = 200;
const MESSAGE_SLOTS = new Set([3]); // of every 25 slots: 8 messages/s
const SLOTS_PER_CYCLE = 25;
/** A request is approved once its card had time to reach the approver. */
const APPROVE_AFTER_MS = 2_000;

/** `request` is the typed `add … to desk@` that files a request; `message` any other typed message. */
export type Kind = 'request' | 'message' | 'refresh' | 'approve';

export interface Planned {
  readonly kind: Kind;
  readonly activity: any;
  /** Indexes of the bot instances it is posted to: one, or both for a click Teams delivered twice. */
  readonly instances: readonly number[];
  /** For `add` messages: the requester, so the request id can be read from the card sent to them. */
  readonly requester?: Speaker;
}

export interface Where {
  readonly tenantId: string;
  readonly serviceUrl: string;
}

/** The bot as Teams names it in every activity (the fixtures were captured from different bots). */
const BOT = { id: '28:5e0b1c2d-0000-4000-8000-0000000be7c4', name: 'Shared Mailbox Bot' };

/** People's own 1:1 chats, as Teams sends them (the card action fixture carries a channel conversation). */
const personal = (activity: any, who: Speaker) => {
  activity.conversation = { ...activity.conversation, conversationType: 'personal', isGroup: false, id: `a:personal-${who.aadObjectId}` };
  activity.recipient = BOT;
  return activity;
};

/**
 * Real Teams traffic to an approval bot is mostly invokes: every time someone opens a chat showing a request
 * card, Teams calls the card's refresh, answered in the HTTP response. Typed messages are few; each needs a
 * POST to Teams, paced to 25/s per tenant together with the proactive cards, so 8 of the 200 activities per
 * second are messages: one `add … to desk@` (a request with an approval card to the admin), one `who can access`
 * or `my mailboxes` (in turn), and help/pending for the rest; one approve click, every other one delivered to both
 * instances. Invokes are refreshes of the requests filed so far, by 80 people in their own 1:1 chats.
 */
export class LoadMix {
  private readonly requests: { id: string; filedAt: number }[] = [];
  private readonly toApprove: { id: string; filedAt: number }[] = [];
  private sequence = 0;
  private filed = 0;
  private approvals = 0;

  constructor(
    private readonly where: Where,
    private readonly speakers: readonly Speaker[],
    private readonly approver: Speaker,
    /** The n-th person to be granted access to desk@ (none of them holds anything yet). */
    private readonly trustee: (n: number) => string,
  ) {}

  /** A request was filed and its id is known (read from the card sent back to the requester). */
  knownRequest(id: string, filedAt: number): void {
    this.requests.push({ id, filedAt });
    this.toApprove.push({ id, filedAt });
  }

  /** What to send in slot `slot` (0..RATE-1) of a second, at time `now`. */
  next(slot: number, now: number): Planned {
    const n = this.sequence++;
    const instance = n % 2;
    // Shifted by one each round, so everyone's activities reach both instances (an even count would pin them).
    const speaker = this.speakers[(n + Math.floor(n / this.speakers.length)) % this.speakers.length]!;
    if (MESSAGE_SLOTS.has(slot % SLOTS_PER_CYCLE)) return this.message(slot, Math.floor(n / RATE), speaker, instance);
    const due = this.toApprove[0];
    if (slot === 100 && due && now - due.filedAt >= APPROVE_AFTER_MS) {
      this.toApprove.shift();
      const click = personal(cardAction(this.approver, 'request.approve', { requestId: due.id }, this.where), this.approver);
      return { kind: 'approve', activity: click, instances: this.approvals++ % 2 === 0 ? [0, 1] : [instance] };
    }
    const request = this.requests[n % this.requests.length];
    if (!request) throw new Error('file a request before the load starts: refreshes need one');
    return { kind: 'refresh', activity: personal(cardAction(speaker, 'request.refresh', { requestId: request.id }, this.where), speaker), instances: [instance] };
  }

  /** `add <next trustee> to desk@` from the next requester: a request the admin is asked to approve. */
  fileRequest(instance: number): Planned {
    const requester = this.speakers[this.filed % this.speakers.length]!;
    const text = `add ${this.trustee(this.filed++)} to desk@contoso.com`;
    return { kind: 'request', activity: personal(personalMessage(requester, text, this.where), requester), instances: [instance], requester };
  }

  private message(slot: number, second: number, speaker: Speaker, instance: number): Planned {
    const say = (text: string) => personal(personalMessage(speaker, text, this.where), speaker);
    if (slot === 3) return this.fileRequest(instance);
    // Both read Exchange, which takes 20 cmdlets/s per tenant: one of them each second keeps the mix under it.
    if (slot === 28) return { kind: 'message', activity: say(second % 2 === 0 ? 'who can access desk@contoso.com' : 'my mailboxes'), instances: [instance] };
    return { kind: 'message', activity: say(slot % 2 === 0 ? 'pending' : 'help'), instances: [instance] };
  }
}
