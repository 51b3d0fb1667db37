ALTER TABLE "export_jobs" DROP CONSTRAINT "export_jobs_status_check";--> statement-breakpoint
ALTER TABLE "export_jobs" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "export_jobs" ADD COLUMN "execution_arn" text;--> statement-breakpoint
ALTER TABLE "export_jobs" ADD COLUMN "checkpoint" jsonb;--> statement-breakpoint
ALTER TABLE "export_jobs" ADD COLUMN "resumes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "resumes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "export_jobs_idempotency_key" ON "export_jobs" USING btree ("created_by","idempotency_key") WHERE "export_jobs"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "export_jobs_running_idx" ON "export_jobs" USING btree ("updated_at") WHERE "export_jobs"."status" = 'running';--> statement-breakpoint
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_status_check" CHECK ("export_jobs"."status" IN ('running', 'completed', 'failed', 'cancelled'));