// Lambda entry point of the activity module (timelines, notes, tasks, the contact policy and its preview).
import { activityModule } from '../composition';
import { createHttpHandler } from '../http/create-http-handler';

export const handler = createHttpHandler(activityModule);
