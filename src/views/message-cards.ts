import errorTemplate from '../../cards/error.json';
import noticeTemplate from '../../cards/notice.json';
import { render } from './render';
import type { View } from './view';

export interface NoticeCardData {
  readonly text: string;
}

export interface ErrorCardData {
  readonly message: string;
  readonly reference: string;
}

export function noticeView(text: string): View {
  return { card: render<NoticeCardData>(noticeTemplate, { text }), text };
}

/** A friendly refusal or failure; the reference lets support find the log line. */
export function errorView(message: string, reference?: string): View {
  const card = render<ErrorCardData>(errorTemplate, { message, reference: reference ?? '' });
  return { card, text: reference ? `${message} (reference ${reference})` : message };
}
