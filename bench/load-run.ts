import type { Pair, Memory } from './azurite-pair';
import { RATE, type Kind, type LoadMix } from './load-mix';
import type { TurnRecord } from './load-probe';

export interface Sample {
  readonly kind: Kind;
  readonly activityId: string;
  readonly instance: number;
  readonly status: number;
  /** When it was sent, in ms since the run started. */
  readonly sentAt: number;
  /** Round trip as the load generator saw it. */
  readonly ms: number;
  readonly body: any;
  /** For approve clicks: the request approved (to check its execution). */
  readonly requestId?: string;
}

export interface RunResult {
  readonly samples: Sample[];
  /** Memory of each instance every second, first entry before the load. */
  readonly memory: { atSecond: number; bots: Memory[] }[];
  /** Each instance's turn records (collected every ten seconds, so the probe holds few). */
  readonly turns: TurnRecord[][];
  /** Activities that started late because the load generator itself fell behind its schedule by over 10 ms. */
  readonly lateStarts: number;
}

const TURNS_EVERY_S = 10;

/**
 * Open loop: activity i leaves at start + i / RATE seconds whatever the earlier ones take, alternating
 * between the instances as a round-robin load balancer would.
 */
export async function runLoad(pair: Pair, mix: LoadMix, seconds: number): Promise<RunResult> {
  const samples: Sample[] = [];
  const memory: RunResult['memory'] = [];
  const snapshot = async (atSecond: number) => memory.push({ atSecond, bots: await Promise.all(pair.bots.map((bot) => bot.memory())) });
  const turns: TurnRecord[][] = pair.bots.map(() => []);
  const collect = async () => (await Promise.all(pair.bots.map((bot) => bot.turns()))).forEach((list, i) => turns[i]!.push(...list));
  await snapshot(0);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let lateStarts = 0;
  for (let i = 0; i < RATE * seconds; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (performance.now() - due > 10) lateStarts += 1;
    if (i > 0 && i % RATE === 0) pending.push(snapshot(i / RATE).then(() => undefined));
    if (i > 0 && i % (RATE * TURNS_EVERY_S) === 0) pending.push(collect());
    const planned = mix.next(i % RATE, Date.now());
    for (const instance of planned.instances) {
      const before = pair.connector.calls.length;
      pending.push(
        (async () => {
          const at = performance.now();
          const answer = await pair.bots[instance]!.post(planned.activity).catch((error: unknown) => ({ status: 0, body: `${String(error)}: ${String((error as { cause?: unknown }).cause)}` }));
          const sample: Sample = {
            kind: planned.kind,
            activityId: planned.activity.id,
            instance,
            status: answer.status,
            sentAt: at - started,
            ms: performance.now() - at,
            body: answer.body,
            ...(planned.kind === 'approve' ? { requestId: planned.activity.value.action.data.requestId } : {}),
          };
          samples.push(sample);
          if (planned.requester) {
            const id = requestIdSentTo(pair, before, planned.requester.aadObjectId);
            if (id) mix.knownRequest(id, Date.now());
          }
        })(),
      );
    }
  }
  await Promise.all(pending);
  await snapshot(seconds);
  await collect();
  return { samples, memory, turns, lateStarts };
}

/** The request id on the card the bot posted to the requester's chat after call index `from`. */
export function requestIdSentTo(pair: Pair, from: number, requesterId: string): string | undefined {
  const call = pair.connector.calls.slice(from).find((c) => c.method === 'POST' && decodeURIComponent(c.conversationId ?? '') === `a:personal-${requesterId}` && /"requestId":"/.test(JSON.stringify(c.body)));
  return call ? /"requestId":"([^"]+)"/.exec(JSON.stringify(call.body))![1] : undefined;
}
