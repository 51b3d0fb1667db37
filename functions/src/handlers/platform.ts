// Lambda entry point of the platform module (health, unknown routes).
import { createHttpHandler } from '../http/create-http-handler';
import { platformModule } from '../modules/platform';

export const handler = createHttpHandler(platformModule);
