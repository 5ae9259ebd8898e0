import template from '../../cards/plan-preview.json';
import type { Plan } from '../app/outcome';
import type { ChangeRequest } from '../domain/change-request';
import { bullets, changeText, dayText, grantAutomappingText, mailboxText, plural, principalText, rightNames } from './format';
import { render } from './render';
import type { View } from './view';
import { OUTLOOK_DELAY } from './warnings';
import { isSettingChange, type SettingChange } from '../domain/setting-change';
import { settingChangeText, settingFacts } from './setting-facts';

export interface PlanPreviewCardData {
  readonly requestId: string;
  readonly change: string;
  readonly details: readonly { readonly title: string; readonly value: string }[];
  readonly effects: readonly string[];
  readonly warnings: readonly string[];
  readonly sentTo: string;
}

/** What the requester sees right after asking: who gets what, and what they will notice. */
export function planPreviewView(request: ChangeRequest, plan: Plan): View {
  const data = planPreviewCardData(request, plan);
  const text = [
    `Request sent for approval: ${data.change}`,
    ...data.details.map((fact) => `${fact.title}: ${fact.value}`),
    data.effects.length > 0 ? `What will happen:\n${bullets(data.effects)}` : '',
    data.warnings.length > 0 ? `Warnings:\n${bullets(data.warnings)}` : '',
    data.sentTo,
  ];
  return { card: render(template, data), text: text.filter(Boolean).join('\n') };
}

function planPreviewCardData(request: ChangeRequest, plan: Plan): PlanPreviewCardData {
  const change = request.change;
  if (isSettingChange(change)) return settingPreviewData(request, change, plan);
  const details = [
    { title: 'Mailbox', value: mailboxText(change.mailbox) },
    { title: change.kind === 'grant' ? 'For' : 'From', value: principalText(change.trustee) },
    { title: 'Rights', value: rightNames(plan.rights) },
  ];
  if (plan.unchanged.length > 0) {
    const already = change.kind === 'grant' ? 'Already has' : 'Does not have';
    details.push({ title: already, value: `${rightNames(plan.unchanged)} (nothing to do)` });
  }
  if (change.kind === 'grant') {
    if (plan.rights.includes('full-access')) {
      details.push({ title: 'Automapping', value: grantAutomappingText(change) });
    }
    details.push({ title: 'Ends', value: change.until ? dayText(change.until) : 'no end date' });
  }
  if (request.reason) details.push({ title: 'Reason', value: request.reason });
  const effects = plan.effects.some((effect) => effect.includes('60 minutes')) ? plan.effects : [...plan.effects, OUTLOOK_DELAY];
  return {
    requestId: request.id,
    change: changeText(change),
    details,
    effects,
    warnings: plan.warnings,
    sentTo: sentTo(request),
  };
}

function sentTo(request: ChangeRequest): string {
  return `Sent to ${plural(request.approverIds.length, 'approver')}; you will be told when someone decides. Reference: ${request.id}`;
}

function settingPreviewData(request: ChangeRequest, change: SettingChange, plan: Plan): PlanPreviewCardData {
  const details = [{ title: 'Mailbox', value: mailboxText(change.mailbox) }, ...settingFacts(change)];
  if (request.reason) details.push({ title: 'Reason', value: request.reason });
  return {
    requestId: request.id,
    change: settingChangeText(change),
    details,
    effects: plan.effects,
    warnings: plan.warnings,
    sentTo: sentTo(request),
  };
}
