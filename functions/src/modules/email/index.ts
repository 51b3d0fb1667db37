// The email module's face: campaigns, sending, tracking and infrastructure settings. Other code
// imports only this file from the module.
export { applyFeedback, emailTimelineSource, feedbackRoutes, handleFeedbackEvent, reportRoutes, trackingRoutes } from './tracking';
