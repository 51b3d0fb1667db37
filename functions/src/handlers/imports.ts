// Lambda entry point of the imports module (CSV import jobs, mapping profiles, exports).
import { createHttpHandler } from '../http/create-http-handler';
import { importsModule } from '../modules/imports';

export const handler = createHttpHandler(importsModule);
