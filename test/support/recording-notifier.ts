import type { AccessReview } from '../../src/domain/access-review';
import type { ChangeRequest } from '../../src/domain/change-request';
import type { ReportSummary } from '../../src/domain/tenant-report';
import type { Notifier } from '../../src/ports';

/** A Notifier that keeps every call, so tests can see who was asked and told what. */
export class RecordingNotifier implements Notifier {
  readonly asked: ChangeRequest[] = [];
  readonly changed: ChangeRequest[] = [];
  readonly ending: ChangeRequest[] = [];
  readonly ended: ChangeRequest[] = [];
  readonly reports: { userId: string; summary: ReportSummary }[] = [];
  readonly reviews: { review: AccessReview; userIds: readonly string[]; reminder: boolean }[] = [];
  readonly overdueReviews: { review: AccessReview; adminIds: readonly string[] }[] = [];

  async askForApproval(request: ChangeRequest): Promise<void> {
    this.asked.push(request);
  }

  async requestChanged(request: ChangeRequest): Promise<void> {
    this.changed.push(request);
  }

  async grantEnding(request: ChangeRequest): Promise<void> {
    this.ending.push(request);
  }

  async grantEnded(request: ChangeRequest): Promise<void> {
    this.ended.push(request);
  }

  async reportReady(userId: string, summary: ReportSummary): Promise<void> {
    this.reports.push({ userId, summary });
  }

  async reviewAssigned(review: AccessReview, userIds: readonly string[], reminder: boolean): Promise<void> {
    this.reviews.push({ review, userIds, reminder });
  }

  async reviewOverdue(review: AccessReview, adminIds: readonly string[]): Promise<void> {
    this.overdueReviews.push({ review, adminIds });
  }

  /** The statuses announced for one request, in order. */
  changesOf(requestId: string): string[] {
    return this.changed.filter((r) => r.id === requestId).map((r) => r.status);
  }
}
