import { CardFactory, MessageFactory, type Activity, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { View } from '../views';

/** A chat message carrying the view's card; the plain text rides along for notifications and screen readers. */
export function toMessage(view: View): Partial<Activity> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard({ ...view.card, fallbackText: view.text }));
  message.summary = view.text.split('\n', 1)[0]?.slice(0, 200);
  return message;
}

/** The answer to an `adaptiveCard/action` invoke: the card that replaces the clicked one for this user. */
export function toInvokeResponse(view: View): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: view.card as Record<string, unknown> };
}
