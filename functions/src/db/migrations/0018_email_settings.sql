DROP INDEX "sending_domains_domain_key";--> statement-breakpoint
ALTER TABLE "sending_domains" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sending_domains_domain_key" ON "sending_domains" USING btree ("domain") WHERE "sending_domains"."deleted_at" is null;