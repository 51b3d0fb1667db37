import { z } from 'zod';

export const healthCheckNames = ['db', 'dynamo', 's3', 'email', 'workflows'] as const;

export const healthCheckSchema = z.object({
  status: z.enum(['ok', 'fail']),
  latencyMs: z.number(),
  error: z.string().optional(),
});

/** The public answer of GET /api/health: whether every store answers, nothing more. */
export const healthStatusSchema = z.object({
  status: z.enum(['ok', 'degraded']),
});

/** GET /api/health/details (admins): each store's answer, its latency, and the version. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  checks: z.record(z.enum(healthCheckNames), healthCheckSchema),
});

export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type HealthStatus = z.infer<typeof healthStatusSchema>;
