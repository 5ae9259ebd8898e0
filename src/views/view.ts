/** A rendered answer: the card, and a plain-text version that stands on its own (screen readers, notifications, logs). */
export interface View {
  readonly card: object;
  readonly text: string;
}
