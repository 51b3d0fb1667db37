// Injecting SES feedback on the local stack, whose SES emulator publishes none: an admin POSTs
// EventBridge events of the real shape (one, or a list) and they take the feedback Lambda's path.
// With EMAIL_FEEDBACK_INJECTION off (on AWS) the route answers 404 like a route that is not there,
// whatever the body.
import { FEEDBACK_INJECTION_MAX_EVENTS, type FeedbackInjectionResponse } from '@shared/contracts/email';
import { AppError, invalid } from '../../../core/app-error';
import { defineRoute, type Route } from '../../../http/route';
import { refuseUnstorableText } from '../../../http/unstorable-text';
import { parseSesEvent, type FeedbackEvent } from '../content';
import { applyFeedback } from './feedback';

export const FEEDBACK_INJECTION_PATH = '/api/email/feedback/events';

function parseEvents(raw: string | undefined): FeedbackEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(raw ?? '');
  } catch {
    throw new AppError('bad_request', { detail: 'The request body is not valid JSON.' });
  }
  refuseUnstorableText(body, 'body');
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0 || list.length > FEEDBACK_INJECTION_MAX_EVENTS) throw invalid('body', `must be one SES event or a list of 1 to ${FEEDBACK_INJECTION_MAX_EVENTS}`);
  return list.map((item, i) => {
    try {
      return parseSesEvent(item);
    } catch (error) {
      if (error instanceof AppError && error.errors) {
        const prefix = Array.isArray(body) ? `body.${i}` : 'body';
        throw new AppError('invalid', { detail: error.detail, errors: error.errors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message })) });
      }
      throw error;
    }
  });
}

export const feedbackRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    path: FEEDBACK_INJECTION_PATH,
    capability: 'admin',
    summary: 'Local stack: inject SES feedback events (EventBridge shape); 404 unless EMAIL_FEEDBACK_INJECTION is on',
    rawBody: true,
    handler: async ({ deps, body, logger }): Promise<FeedbackInjectionResponse> => {
      if (!deps.config.EMAIL_FEEDBACK_INJECTION) throw new AppError('not_found', { detail: `No route for POST ${FEEDBACK_INJECTION_PATH}.` });
      const events = parseEvents(body as string | undefined);
      const results: FeedbackInjectionResponse['results'] = [];
      // In order, one after another: the events of one message may depend on each other (a delivery, then a complaint).
      for (const event of events) results.push({ eventId: event.eventId, outcome: await applyFeedback({ ...deps, logger }, event) });
      return { results };
    },
  }),
];
