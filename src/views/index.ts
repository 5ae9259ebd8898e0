import type { Outcome } from '../app/outcome';
import { accessReportView } from './access-report-card';
import { helpView } from './help-card';
import { historyView } from './history-card';
import { diagnosisView } from './diagnosis-card';
import { auditCheckView, exportReadyView } from './governance-notices';
import { noticeView } from './message-cards';
import { mailboxSettingsView } from './mailbox-settings-card';
import { myMailboxesView } from './my-mailboxes-card';
import { ownersView } from './owners-card';
import { pendingListView } from './pending-list-card';
import { pickPersonView } from './pick-person-card';
import { planPreviewView } from './plan-preview-card';
import { requestCard } from './request-card';
import { reportProgressView } from './report-card';
import { reviewView } from './review-card';
import type { View } from './view';

export type { View } from './view';
export { errorView } from './message-cards';
export { requestCard, refreshUserIds, undeliveredText } from './request-card';

/**
 * The card and text for an outcome. `viewerId` is who will see it; outcomes that depend on the
 * viewer already carry what they need (help: isAdmin/isApprover; request-status: viewer).
 */
export function viewOutcome(outcome: Outcome, viewerId: string): View {
  switch (outcome.kind) {
    case 'help':
      return helpView(outcome);
    case 'access-report':
      return accessReportView(outcome.report);
    case 'my-mailboxes':
      return myMailboxesView(outcome.person, outcome.mailboxes, viewerId);
    case 'pick':
      return pickPersonView(outcome.question, outcome.pending, outcome.candidates);
    case 'request-created':
      return planPreviewView(outcome.request, outcome.plan);
    case 'request-status':
      return requestCard(outcome.request, outcome.viewer, outcome.notice);
    case 'pending-list':
      return pendingListView(outcome.requests);
    case 'history':
      return historyView(outcome.mailbox, outcome.entries, outcome.since);
    case 'owners':
      return ownersView(outcome.mailbox, outcome.owners);
    case 'notice':
      return noticeView(outcome.text);
    case 'diagnosis':
      return diagnosisView(outcome.mailbox, outcome.person, outcome.findings);
    case 'audit-check':
      return auditCheckView(outcome.results);
    case 'export-ready':
      return exportReadyView(outcome.scope, outcome.rows, outcome.url, outcome.expiresAt);
    case 'mailbox-settings':
      return mailboxSettingsView(outcome.settings, outcome.canAdminister);
    case 'report-progress':
      return reportProgressView(outcome.progress);
    case 'access-review':
      return reviewView(outcome.review, { removals: outcome.removals, ...(outcome.notice ? { notice: outcome.notice } : {}) });
  }
}
