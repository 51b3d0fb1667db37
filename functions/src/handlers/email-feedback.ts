// EventBridge rule (source aws.ses, the SES configuration set's event destination) → this Lambda:
// each SES delivery, bounce, complaint, reject or delay of a campaign message, recorded once.
import type { EventBridgeEvent } from 'aws-lambda';
import { getDeps } from '../deps';
import { handleFeedbackEvent } from '../modules/email';

export const handler = async (event: EventBridgeEvent<string, unknown>) => handleFeedbackEvent(await getDeps(), event);
