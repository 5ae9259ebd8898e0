import { createRequire } from 'node:module';

// The package entry is ESM without extensions and does not load in Node; the UMD build does.
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: readonly { event: number; message: string }[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): { event: number; message: string } };
  ValidationEvent: Record<number, string>;
};

const INVALID_PROPERTY_VALUE = 6;

/**
 * Problems the Adaptive Cards object model finds in a card. For a template, an invalid value that
 * is itself a ${binding} is expected (it is filled in when rendered) and not reported.
 */
export function cardProblems(json: unknown, options: { readonly isTemplate: boolean }): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  const problems = [...events, ...card.validateProperties().validationEvents].filter(
    (found) => !(options.isTemplate && found.event === INVALID_PROPERTY_VALUE && found.message.includes('${')),
  );
  return problems.map((found) => `${AC.ValidationEvent[found.event] ?? found.event}: ${found.message}`);
}
