/** Sends per second allowed toward Teams; `Infinity` turns a limit off. */
export interface PacingLimits {
  readonly perConversation: number;
  readonly perTenant: number;
}

/** Half of what Teams allows (7/s per conversation, 50/s per tenant), so bursts never meet a 429. */
export const DEFAULT_PACING: PacingLimits = { perConversation: 4, perTenant: 25 };

/**
 * Each instance paces only its own sends, and a load balancer sends one person's activities to any of them,
 * so with several instances each takes its share of the limits and together they stay within them.
 */
export function pacingPerInstance(instances: number, limits: PacingLimits = DEFAULT_PACING): PacingLimits {
  return { perConversation: limits.perConversation / instances, perTenant: limits.perTenant / instances };
}

interface Lane {
  tail: Promise<void>;
  nextAt: number;
  waiting: number;
}

const LANES_KEPT = 1_000;

/**
 * Spaces outbound sends evenly: each conversation is a FIFO lane whose sends start at least
 * 1/perConversation s apart, and every send also takes the next tenant-wide slot. Even spacing
 * (no burst allowance) keeps any rolling second within the limit, not just each bucket refill.
 */
export class OutboundPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly conversationGapMs: number;
  private readonly tenantGapMs: number;
  private tenantNextAt = 0;
  private tenantLastRelease = Number.NEGATIVE_INFINITY;

  constructor(limits: PacingLimits = DEFAULT_PACING) {
    this.conversationGapMs = gapMs(limits.perConversation);
    this.tenantGapMs = gapMs(limits.perTenant);
  }

  /** Resolves when a send to `conversationId` (none: creating a conversation) may start. */
  async take(conversationId: string | undefined): Promise<void> {
    if (this.conversationGapMs === 0 && this.tenantGapMs === 0) return;
    if (conversationId === undefined) return this.tenantSlot();
    const lane = this.lane(conversationId);
    lane.waiting++;
    const turn = lane.tail.then(async () => {
      await sleepUntil(lane.nextAt);
      await this.tenantSlot();
      lane.nextAt = Date.now() + this.conversationGapMs;
    });
    lane.tail = turn;
    try {
      await turn;
    } finally {
      lane.waiting--;
    }
  }

  private async tenantSlot(): Promise<void> {
    const at = Math.max(Date.now(), this.tenantNextAt);
    this.tenantNextAt = at + this.tenantGapMs;
    await sleepUntil(at);
    // A wake-up delayed by a busy event loop must not bunch this send up with the one released before it.
    while (Date.now() < this.tenantLastRelease + this.tenantGapMs) await sleepUntil(this.tenantLastRelease + this.tenantGapMs);
    this.tenantLastRelease = Date.now();
  }

  private lane(conversationId: string): Lane {
    const existing = this.lanes.get(conversationId);
    if (existing) return existing;
    if (this.lanes.size >= LANES_KEPT) this.forgetIdleLanes();
    const lane: Lane = { tail: Promise.resolve(), nextAt: 0, waiting: 0 };
    this.lanes.set(conversationId, lane);
    return lane;
  }

  private forgetIdleLanes(): void {
    const now = Date.now();
    for (const [id, lane] of this.lanes) if (lane.waiting === 0 && lane.nextAt <= now) this.lanes.delete(id);
  }
}

// Sends leave a little later than their slot (signing, sockets), which can bunch two of them up on arrival.
const HEADROOM = 1.05;

function gapMs(perSecond: number): number {
  return Number.isFinite(perSecond) && perSecond > 0 ? Math.ceil((1000 / perSecond) * HEADROOM) : 0;
}

function sleepUntil(at: number): Promise<void> {
  const waitMs = at - Date.now();
  if (waitMs <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, waitMs).unref());
}
