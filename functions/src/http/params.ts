// Path parameters more than one module's routes take.
import { z } from 'zod';

/** `{id}`: a record's uuid. */
export const recordIdParams = z.strictObject({ id: z.string().uuid('is not a record id') });
