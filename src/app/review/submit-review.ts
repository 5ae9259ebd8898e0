import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { recordAudit } from '../requests/audit';
import { principalOf } from '../requests/principal';
import { chosenRemovals, reviewKey, type AccessReview, type ReviewEntry } from '../../domain/access-review';
import { AppError } from '../../domain/errors';
import { fileRemoval } from './file-removal';
import { mayReview } from './reviewers';
import { loadReview, reviewOutcome } from './review-store';

/**
 * Submit from the review card. The card's choices are untrusted: only trustees of the stored review
 * count, and the clicker must be one of its reviewers (and still an owner or admin). Removals are filed
 * before the review is marked submitted, under derived ids, so a repeated or resumed submit files only
 * what is missing; once submitted, a submit answers with the outcome and files nothing.
 */
export async function submitReview(deps: Deps, actor: Actor, command: CommandOf<'submit-review'>): Promise<Outcome> {
  const review = await loadReview(deps, command.reviewId);
  if (!review.reviewerIds.includes(actor.id) || !(await mayReview(deps, actor.id, review.mailbox))) {
    throw new AppError('forbidden', `Only the people this review of ${review.mailbox.displayName} was sent to can submit it.`);
  }
  if (review.status === 'submitted') return reviewOutcome(deps, review, alreadySubmitted(review));

  const reviewer = await principalOf(deps, actor);
  const chosen = chosenRemovals(review, command.choices);
  const ownGroups = chosen.some((e) => e.trustee.kind === 'group') ? await deps.directory.groupsOf(actor.id) : [];
  for (const entry of chosen) {
    await fileRemoval(deps, review, entry, reviewer, isOwnAccess(entry, actor.id, ownGroups));
  }
  const submitted: AccessReview = {
    ...review,
    status: 'submitted',
    submittedBy: reviewer,
    submittedAt: deps.clock.now().toISOString(),
    removeIds: chosen.map((e) => e.trustee.id),
  };
  await deps.store.putDocument(reviewKey(review.id), submitted);
  const kept = review.entries.length - chosen.length;
  await recordAudit(deps, review.mailbox, {
    id: `${review.id}-submitted`,
    actor: reviewer,
    action: 'review-submitted',
    detail: `Access review ${review.id}: ${chosen.length} to remove, ${kept} kept.`,
  });
  return reviewOutcome(deps, submitted);
}

/**
 * Removing yourself, or a group you are in, takes away your own access: a second approver decides
 * that, as for any request of yours.
 */
function isOwnAccess(entry: ReviewEntry, actorId: string, ownGroups: readonly string[]): boolean {
  const id = entry.trustee.id.toLowerCase();
  if (entry.trustee.kind === 'user') return id === actorId.toLowerCase();
  return ownGroups.some((group) => group.toLowerCase() === id);
}

function alreadySubmitted(review: AccessReview): string {
  const by = review.submittedBy?.displayName ?? 'a reviewer';
  return `Already submitted by ${by} on ${review.submittedAt?.slice(0, 10) ?? 'an earlier day'}: nothing new was filed.`;
}
