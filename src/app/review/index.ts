export { startReview, openReview } from './start-review';
export { submitReview } from './submit-review';
export { runReviewSchedule } from './schedule';
