// The warm-up plan form's rules: the API's schema, with each day's cap said in words a person
// can act on (an empty box is "enter a number", not a type error).
import { z } from 'zod';
import { WARMUP_MAX_DAYS, warmupPlanInputSchema } from '@shared/contracts/email';
import { WARMUP_MAX_CAP } from './warmup-curve';

export const warmupPlanFormSchema = warmupPlanInputSchema.extend({
  dailyCaps: z
    .array(
      z
        .number({ error: 'enter a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(WARMUP_MAX_CAP, `must be at most ${WARMUP_MAX_CAP.toLocaleString('en-US')}`),
    )
    .min(1, 'add at least one day')
    .max(WARMUP_MAX_DAYS, `at most ${WARMUP_MAX_DAYS} days`),
});
