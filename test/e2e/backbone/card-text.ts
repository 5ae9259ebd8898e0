/** Every text a person would see on an Adaptive Card, in reading order: TextBlocks, RichText runs, facts, action titles. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.isVisible === false) return;
    if ((element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string') texts.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as { title?: string; value?: string }[]) texts.push(`${fact.title ?? ''} ${fact.value ?? ''}`.trim());
    }
    if (typeof element.type === 'string' && element.type.startsWith('Action.') && typeof element.title === 'string') texts.push(element.title);
    for (const key of ['body', 'items', 'columns', 'inlines', 'actions', 'card', 'rows', 'cells']) visit(element[key]);
  };
  visit(card);
  return texts;
}

/** The card's visible texts as one string, for `includes` / regex assertions. */
export function cardText(card: unknown): string {
  return cardTexts(card).join('\n');
}

/** The Adaptive Card carried by a message the bot sent. */
export function cardOf(activity: any): any {
  const attachment = activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!attachment) throw new Error(`no Adaptive Card in ${JSON.stringify(activity).slice(0, 300)}`);
  return attachment.content;
}

export interface CardAction {
  readonly title: string;
  readonly verb: string;
  readonly data: unknown;
}

/** The Action.Execute buttons on a card, wherever they sit, in reading order. */
export function cardActions(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute') found.push({ title: String(element.title ?? ''), verb: String(element.verb ?? ''), data: element.data });
    for (const value of Object.values(element)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}
