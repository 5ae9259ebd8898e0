/** The most timestamps (ms) that fall within any window of `windowMs` (a rolling second, not a fixed bucket). */
export function busiestWindow(times: readonly number[], windowMs = 1_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to += 1) {
    while (sorted[to]! - sorted[from]! >= windowMs) from += 1;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

export interface SendRates {
  /** Sends (new messages and card updates) the Bot Connector received in the busiest rolling second, tenant-wide. */
  readonly tenantPeak: number;
  readonly tenantMean: number;
  /** The same for the busiest single conversation, and which one it was. */
  readonly conversationPeak: number;
  readonly busiestConversation: string;
  readonly conversations: number;
  readonly sends: number;
}

/** A send and when it happened, in ms on any one clock. */
export interface Send {
  readonly conversationId?: string;
  readonly at?: number;
}

/** Send rates of the Bot Connector calls (activity calls only) from their times. */
export function sendRates(calls: readonly Send[]): SendRates {
  const sends = calls.filter((call) => call.conversationId !== undefined && call.at !== undefined);
  const times = sends.map((call) => call.at!);
  const byConversation = new Map<string, number[]>();
  for (const call of sends) byConversation.set(call.conversationId!, [...(byConversation.get(call.conversationId!) ?? []), call.at!]);
  let conversationPeak = 0;
  let busiestConversation = '';
  for (const [conversation, list] of byConversation) {
    const peak = busiestWindow(list);
    if (peak > conversationPeak) [conversationPeak, busiestConversation] = [peak, conversation];
  }
  const spanSeconds = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 1;
  return {
    tenantPeak: busiestWindow(times),
    tenantMean: sends.length / Math.max(1, spanSeconds),
    conversationPeak,
    busiestConversation,
    conversations: byConversation.size,
    sends: sends.length,
  };
}
