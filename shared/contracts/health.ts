import { z } from 'zod';

export const healthCheckNames = ['db', 'dynamo', 's3', 'email', 'workflows'] as const;

export const healthCheckSchema = z.object({
  status: z.enum(['ok', 'fail']),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  checks: z.record(z.enum(healthCheckNames), healthCheckSchema),
});

export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type HealthResponse = z.infer<typeof healthResponseSchema>;
