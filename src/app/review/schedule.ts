import type { Deps } from '../deps';
import { mailboxRef } from '../requests/principal';
import { reviewDeadlines } from '../../domain/access-review';
import type { Mailbox } from '../../domain/mailbox';
import { underClaim } from '../under-claim';
import { send } from './deliver';
import { followUp } from './follow-up';
import { loadReview } from './review-store';
import { adminIds } from '../roles';
import { scheduledReviewers } from './reviewers';
import { SCHEDULE_ACTOR, openReview } from './start-review';

const DAY_MS = 86_400_000;
/** Deadlines are days long, so the shared mailboxes are looked through at most hourly (and whenever the clock went back). */
const SCAN_EVERY_MS = 3_600_000;
const SCANNED_AT = 'review-schedule:scanned-at';

/** The latest scheduled review of a mailbox, under `review-last:<mailboxId>`. */
export interface LastReview {
  readonly reviewId: string;
  readonly startedAt: string;
}

const lastKey = (mailboxId: string): string => `review-last:${mailboxId}`;

/**
 * The review schedule (REVIEW_EVERY_DAYS), run by the sweep's lease holder: for each shared mailbox
 * with owners, follows up its latest review (one reminder, then one report to the admins) and starts
 * the next once the last one started that many days ago. Decisions are taken on the stored state under
 * a claim, re-read after claiming, so repeated sweeps, other instances and clock jumps repeat nothing.
 */
export async function runReviewSchedule(deps: Deps): Promise<void> {
  const everyDays = deps.policy.reviewEveryDays;
  if (everyDays === undefined || !(await scanDue(deps))) return;
  for (const mailbox of await deps.exchange.listSharedMailboxes()) {
    try {
      await reviewMailbox(deps, mailbox, everyDays);
    } catch (error) {
      deps.log.error('scheduled access review failed', { mailbox: mailbox.address, error });
    }
  }
}

async function scanDue(deps: Deps): Promise<boolean> {
  const now = deps.clock.now().getTime();
  const scanned = await deps.store.getDocument<string>(SCANNED_AT);
  const last = scanned === undefined ? undefined : Date.parse(scanned);
  if (last !== undefined && now >= last && now - last < SCAN_EVERY_MS) return false;
  await deps.store.putDocument(SCANNED_AT, new Date(now).toISOString());
  return true;
}

async function reviewMailbox(deps: Deps, mailbox: Mailbox, everyDays: number): Promise<void> {
  const ref = mailboxRef(mailbox);
  const reviewers = await scheduledReviewers(deps, ref);
  if (reviewers.length === 0) return;
  const last = await deps.store.getDocument<LastReview>(lastKey(ref.id));
  if (last) await followUp(deps, await loadReview(deps, last.reviewId), () => adminIds(deps));
  if (!isDue(deps, last, everyDays)) return;
  await underClaim(deps, `review-start:${ref.id}`, async () => {
    // Another instance may have started it between the first look and the claim.
    if (!isDue(deps, await deps.store.getDocument<LastReview>(lastKey(ref.id)), everyDays)) return;
    const access = await deps.exchange.readAccess(mailbox.address);
    if (!access) return;
    const now = deps.clock.now();
    const review = await openReview(deps, access, { reviewerIds: reviewers, startedBy: SCHEDULE_ACTOR, scheduled: true, ...reviewDeadlines(now, everyDays) });
    await deps.store.putDocument<LastReview>(lastKey(ref.id), { reviewId: review.id, startedAt: review.startedAt });
    await send(deps, review, () => deps.notifier.reviewAssigned(review, reviewers, false));
  });
}

/** Due when never reviewed, or the last review started that many days ago; a clock moved back makes nothing due. */
function isDue(deps: Deps, last: LastReview | undefined, everyDays: number): boolean {
  return last === undefined || deps.clock.now().getTime() - Date.parse(last.startedAt) >= everyDays * DAY_MS;
}
