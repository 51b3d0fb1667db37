// Lambda entry point of the identity module (sign-in, sessions, users, roles, organisations).
import { createHttpHandler } from '../http/create-http-handler';
import { identityModule } from '../modules/identity';

export const handler = createHttpHandler(identityModule);
