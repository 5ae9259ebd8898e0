import type { Pair } from './azurite-pair';
import type { Sample } from './load-run';
import type { JournalEntry } from './stats';

const ERROR_TEXT = /went wrong|\(reference [0-9a-f]{8}\)/i;
const LOST = /Already (approved|rejected) by/;

export interface Outcomes {
  /** Activities answered with anything but 200, not answered at all, or answered with an error card. */
  readonly failed: readonly Sample[];
  /** Error cards the bot posted to Teams (message turns answer by POST). */
  readonly errorPosts: number;
  readonly errorLogLines: number;
  readonly approvals: number;
  /** Approve clicks delivered to both instances where exactly one instance acted and the other said so. */
  readonly duplicatesResolved: number;
  readonly duplicates: number;
  /** Grants written to Exchange, and the most times any one trustee was written. */
  readonly exchangeWrites: number;
  readonly mostWritesForOneTrustee: number;
  readonly simulatorRefusals: number;
}

type Entry = JournalEntry & { status?: number; parameters?: Record<string, unknown> };

/** Waits until every approved request reached Exchange (or gives up after `timeoutMs`), then checks what happened. */
export async function checkOutcomes(pair: Pair, samples: readonly Sample[], timeoutMs = 30_000): Promise<Outcomes> {
  const approvedIds = new Set(samples.filter((s) => s.kind === 'approve').map((s) => s.requestId!));
  const journal = async () => ((await (await fetch(`${pair.sim.url}/__admin/requests`)).json()) as { requests: Entry[] }).requests;
  const grants = (entries: Entry[]) => entries.filter((e) => e.cmdlet === 'Add-MailboxPermission' && e.status === 200);
  const deadline = Date.now() + timeoutMs;
  let entries = await journal();
  while (grants(entries).length < approvedIds.size && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    entries = await journal();
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // a late duplicate would show up now
  entries = await journal();
  const perTrustee = new Map<string, number>();
  for (const grant of grants(entries)) {
    const trustee = String(grant.parameters?.['User'] ?? grant.parameters?.['user'] ?? '?');
    perTrustee.set(trustee, (perTrustee.get(trustee) ?? 0) + 1);
  }
  const clicks = new Map<string, Sample[]>();
  for (const sample of samples.filter((s) => s.kind === 'approve')) clicks.set(sample.activityId, [...(clicks.get(sample.activityId) ?? []), sample]);
  const pairs = [...clicks.values()].filter((list) => list.length === 2);
  return {
    failed: samples.filter((s) => s.status !== 200 || ERROR_TEXT.test(JSON.stringify(s.body ?? ''))),
    errorPosts: pair.connector.calls.filter((c) => c.conversationId && ERROR_TEXT.test(JSON.stringify(c.body ?? ''))).length,
    errorLogLines: pair.bots.reduce((sum, bot) => sum + bot.errorLines().length, 0),
    approvals: approvedIds.size,
    duplicates: pairs.length,
    duplicatesResolved: pairs.filter((list) => list.filter((s) => LOST.test(JSON.stringify(s.body))).length === 1).length,
    exchangeWrites: grants(entries).length,
    mostWritesForOneTrustee: Math.max(0, ...perTrustee.values()),
    simulatorRefusals: entries.filter((e) => (e.status ?? 200) >= 429).length,
  };
}
