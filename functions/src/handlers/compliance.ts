// Lambda entry point of the compliance module (suppression lists, the bulk check, consent).
import { createHttpHandler } from '../http/create-http-handler';
import { complianceModule } from '../modules/compliance';

export const handler = createHttpHandler(complianceModule);
