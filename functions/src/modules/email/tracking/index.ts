// Tracking, unsubscribe, SES feedback and reports of email campaigns: the public /t/ routes (open
// pixel, click redirect, one-click unsubscribe and the preference page), the report routes, the
// feedback Lambda's logic and the local stack's injection route, and the timeline's email items.
// The email module's face re-exports from here.
export { trackingRoutes } from './tracking-routes';
export { reportRoutes } from './report-routes';
export { feedbackRoutes, FEEDBACK_INJECTION_PATH } from './feedback-routes';
export { applyFeedback, handleFeedbackEvent } from './feedback';
export { emailTimelineSource } from './timeline-source';
