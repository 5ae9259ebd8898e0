import { candidate } from './bench-seed';
import type { Bench } from './harness';
import { timed } from './stats';

const REQUESTS = 20;

export interface ApprovalFigures {
  /** HTTP turn of `add … to desk@` (a message turn that writes a request and posts approval cards). */
  readonly turnMs: readonly number[];
  /** Approve click: Action.Execute invoke answered. */
  readonly invokeMs: readonly number[];
  /** Approve click until the requester is told the change is in place (after the Exchange read-back). */
  readonly confirmedMs: readonly number[];
}

export async function benchApprovals(bench: Bench): Promise<ApprovalFigures> {
  const adele = bench.person('adele');
  const megan = bench.person('megan');
  const inChatWith = (who: { aadObjectId: string }) => (call: { method: string; conversationId?: string }) =>
    call.method === 'POST' && decodeURIComponent(call.conversationId ?? '') === `a:personal-${who.aadObjectId}`;
  const figures = { turnMs: [] as number[], invokeMs: [] as number[], confirmedMs: [] as number[] };
  for (let i = 0; i < REQUESTS; i += 1) {
    const before = bench.connector.calls.length;
    const turn = await timed(() => bench.say(adele, `add ${candidate(i)} to desk@contoso.com`));
    if (turn.result.status !== 200) throw new Error(`the request turn answered ${turn.result.status}`);
    const card = await bench.nextCall(before, (call) => inChatWith(megan)(call) && /"requestId":"/.test(JSON.stringify(call.body)));
    const requestId = /"requestId":"([^"]+)"/.exec(JSON.stringify(card.body))![1];
    const clicked = bench.connector.calls.length;
    const started = performance.now();
    const confirmed = bench.nextCall(clicked, inChatWith(adele)).then((call) => ({ call, ms: performance.now() - started }));
    const invoke = await bench.click(megan, 'request.approve', { requestId });
    const invokeMs = performance.now() - started;
    if (invoke.status !== 200) throw new Error(`the approve click answered ${invoke.status}`);
    const told = await confirmed;
    if (!/· done/.test(String(told.call.body?.text))) throw new Error(`the requester was told: ${told.call.body?.text}`);
    figures.confirmedMs.push(told.ms);
    figures.invokeMs.push(invokeMs);
    figures.turnMs.push(turn.ms);
  }
  const added = (await bench.journal()).filter((entry) => entry.cmdlet === 'Add-MailboxPermission').length;
  if (added < REQUESTS) throw new Error(`only ${added} of ${REQUESTS} approved grants reached Exchange`);
  return figures;
}
