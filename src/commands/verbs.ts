/** The only place card verbs are spelled; cards/*.json must use exactly these (DESIGN §4). */
export const Verb = {
  approve: 'request.approve',
  reject: 'request.reject',
  cancel: 'request.cancel',
  refresh: 'request.refresh',
  showAccess: 'access.show',
  pickPerson: 'person.pick',
  startRequest: 'request.start',
  undo: 'request.undo',
  showSettings: 'settings.show',
  changeSetting: 'settings.change',
  extend: 'request.extend',
  submitReview: 'review.submit',
} as const;

export type VerbName = (typeof Verb)[keyof typeof Verb];

export const ALL_VERBS: readonly string[] = Object.values(Verb);
