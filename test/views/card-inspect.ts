/** Every object in a card whose type starts with "Action.", nested ShowCards and ActionSets included. */
export function actionsOf(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record);
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

/** Verbs of the buttons a user can click (the automatic refresh action is not a button). */
export function buttonVerbs(card: object): string[] {
  const { refresh: _refresh, ...visible } = card as Record<string, unknown>;
  return actionsOf(visible).flatMap((action) => (typeof action.verb === 'string' ? [action.verb] : []));
}

/** All visible text of a card (the automatic refresh action left out), one string per line. */
export function cardText(card: object): string {
  const { refresh: _refresh, ...visible } = card as Record<string, unknown>;
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['text', 'title', 'value', 'label'].includes(key)) parts.push(value);
      else visit(value);
    }
  };
  visit(visible);
  return parts.join('\n');
}

export const sizeInBytes = (card: object, text: string): number =>
  Buffer.byteLength(JSON.stringify({ ...card, fallbackText: text }), 'utf8');
