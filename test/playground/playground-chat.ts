import { readWebSocket, type WebSocketReader } from './web-socket-reader';

export interface ChatCard {
  readonly messageId: string;
  readonly card: any;
  /** Every piece of text the card shows (text blocks, facts, button titles), one per line. */
  readonly text: string;
}

interface StreamAction {
  readonly action: string;
  readonly actionConversationId?: string;
  readonly message?: { readonly messageId: string; readonly attachments?: readonly { readonly content?: unknown }[] };
}

const CARD_WAIT_MS = 15_000;

/**
 * One person's 1:1 chat with the bot, driven through the Playground's own conversation API: what its
 * web page does when that person types and clicks, without the page.
 */
export class PlaygroundChat {
  private readonly cards = new Map<string, ChatCard>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly url: string,
    private readonly chatId: string,
    private readonly userId: string,
    private stream?: WebSocketReader,
  ) {}

  static async open(url: string): Promise<PlaygroundChat> {
    const settings = (await (await fetch(`${url}/_internal/v1/config`)).json()) as {
      config: { personalChat: { id: string }; currentUser: { id: string } };
    };
    const chat = new PlaygroundChat(url, settings.config.personalChat.id, settings.config.currentUser.id);
    chat.stream = await readWebSocket(`${url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`, (text) =>
      chat.receive(JSON.parse(text) as StreamAction),
    );
    return chat;
  }

  async say(text: string): Promise<void> {
    const answer = await fetch(`${this.url}/_conversation/v1/conversations/${encodeURIComponent(this.chatId)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: this.userId }, text, textFormat: 'plain' }),
    });
    if (!answer.ok) throw new Error(`the Playground refused the message (${answer.status}): ${await answer.text()}`);
  }

  /** Clicks an Action.Execute button on a card in this chat; answers the card that replaces it. */
  async click(on: ChatCard, title: string): Promise<ChatCard> {
    const action = findAction(on.card, title);
    if (!action) throw new Error(`no "${title}" button on the card:\n${on.text}`);
    return this.invoke(on, action.verb, action.data);
  }

  /** What a crafted client can send whatever the card shows: any verb and data, from this chat's user. */
  async invoke(on: ChatCard, verb: string, data: unknown = {}): Promise<ChatCard> {
    const answer = await fetch(`${this.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        from: { id: this.userId },
        conversation: { id: this.chatId },
        replyToId: on.messageId,
      }),
    });
    const body = (await answer.json()) as { type?: string; value?: unknown };
    if (!answer.ok || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`the click failed (${answer.status}): ${JSON.stringify(body)}`);
    return chatCard(on.messageId, body.value);
  }

  /** The first card in this chat, as last updated, whose text matches; waits for it to arrive. */
  waitForCard(matches: RegExp, timeoutMs = CARD_WAIT_MS): Promise<ChatCard> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = [...this.cards.values()].find((c) => matches.test(c.text));
        if (found) finish(() => resolve(found));
        return Boolean(found);
      };
      const timer = setTimeout(() => {
        const seen = [...this.cards.values()].map((c) => c.text.split('\n', 1)[0]).join(' | ');
        finish(() => reject(new Error(`no card matching ${matches} within ${timeoutMs} ms; cards: ${seen || 'none'}`)));
      }, timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      if (!check()) this.listeners.add(check);
    });
  }

  close(): void {
    this.stream?.close();
  }

  private receive(action: StreamAction): void {
    const message = action.message;
    const content = message?.attachments?.[0]?.content;
    if (action.actionConversationId !== this.chatId || !message || !content) return;
    if (action.action !== 'createMessage' && action.action !== 'updateMessage') return;
    this.cards.set(message.messageId, chatCard(message.messageId, content));
    for (const listener of [...this.listeners]) listener();
  }
}

function chatCard(messageId: string, card: any): ChatCard {
  return { messageId, card, text: textsOf(card).join('\n') };
}

function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = ['text', 'title', 'value', 'label'].flatMap((key) => (typeof element[key] === 'string' ? [element[key] as string] : []));
  return [...own, ...Object.entries(element).filter(([key]) => key !== 'fallbackText' && key !== 'refresh').flatMap(([, value]) => textsOf(value))];
}

function findAction(node: unknown, title: string): { verb: string; data?: unknown } | undefined {
  if (Array.isArray(node)) return node.map((item) => findAction(item, title)).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const element = node as Record<string, unknown>;
  if (element.type === 'Action.Execute' && element.title === title && typeof element.verb === 'string') {
    return { verb: element.verb, data: element.data };
  }
  return Object.entries(element)
    .filter(([key]) => key !== 'refresh')
    .map(([, value]) => findAction(value, title))
    .find(Boolean);
}
