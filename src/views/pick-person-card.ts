import template from '../../cards/pick-person.json';
import type { Candidate } from '../domain/errors';
import { render } from './render';
import type { View } from './view';

export interface PickPersonCardData {
  readonly question: string;
  readonly pending: string;
  readonly candidates: readonly { readonly id: string; readonly label: string; readonly detail: string; readonly button: string }[];
}

/** An ambiguous name: one button per candidate, never a guess. */
export function pickPersonView(question: string, pending: string, candidates: readonly Candidate[]): View {
  const data: PickPersonCardData = {
    question,
    pending,
    candidates: candidates.map((candidate) => ({ ...candidate, button: `Choose ${candidate.label}` })),
  };
  const lines = candidates.map((candidate) => `- ${candidate.label} (${candidate.detail})`);
  return { card: render(template, data), text: [question, ...lines].join('\n') };
}
