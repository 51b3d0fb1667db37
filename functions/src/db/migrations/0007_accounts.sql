CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"website" text,
	"linkedin_url" text,
	"linkedin_company_id" text,
	"industry" text,
	"sub_industry" text,
	"sic_code" text,
	"naics_code" text,
	"employee_count" integer,
	"employee_range" text,
	"annual_revenue" double precision,
	"revenue_range" text,
	"street" text,
	"city" text,
	"state" text,
	"postal_code" text,
	"country" text,
	"phone" text,
	"phone_raw" text,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"enrichment_status" text DEFAULT 'none' NOT NULL,
	"enriched_at" timestamp with time zone,
	"confidence" smallint,
	"source" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by_bulk" uuid,
	CONSTRAINT "accounts_domain_lower_check" CHECK ("accounts"."domain" = lower("accounts"."domain")),
	CONSTRAINT "accounts_enrichment_status_check" CHECK ("accounts"."enrichment_status" in ('none', 'pending', 'enriched', 'failed')),
	CONSTRAINT "accounts_confidence_check" CHECK ("accounts"."confidence" between 0 and 100),
	CONSTRAINT "accounts_version_check" CHECK ("accounts"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bulk_operations" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"entity_type" text NOT NULL,
	"action" text NOT NULL,
	"request" jsonb NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"affected" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_operations_entity_type_check" CHECK ("bulk_operations"."entity_type" in ('account', 'contact')),
	CONSTRAINT "bulk_operations_status_check" CHECK ("bulk_operations"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"account_id" uuid,
	"research_date" date,
	"full_name" text,
	"first_name" text,
	"last_name" text,
	"job_title" text,
	"job_function" text,
	"seniority" text,
	"email" text,
	"email_confidence" smallint,
	"email_status" text,
	"direct_phone" text,
	"direct_phone_raw" text,
	"direct_phone_confidence" smallint,
	"mobile_phone" text,
	"mobile_phone_raw" text,
	"mobile_phone_confidence" smallint,
	"phone_extension" text,
	"linkedin_url" text,
	"city" text,
	"state" text,
	"country" text,
	"postal_code" text,
	"timezone" text,
	"months_in_role" integer,
	"months_at_company" integer,
	"consent_status" text,
	"source" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by_bulk" uuid,
	CONSTRAINT "contacts_email_lower_check" CHECK ("contacts"."email" = lower("contacts"."email")),
	CONSTRAINT "contacts_identity_check" CHECK ("contacts"."email" is not null or "contacts"."full_name" is not null),
	CONSTRAINT "contacts_version_check" CHECK ("contacts"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "record_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "record_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"bulk_id" uuid,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_changes_entity_type_check" CHECK ("record_changes"."entity_type" in ('account', 'contact')),
	CONSTRAINT "record_changes_action_check" CHECK ("record_changes"."action" in ('create', 'update', 'merge', 'delete', 'restore'))
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_domain_live_key" ON "accounts" USING btree ("domain") WHERE "accounts"."deleted_at" is null and "accounts"."domain" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_name_no_domain_live_key" ON "accounts" USING btree (lower("name")) WHERE "accounts"."deleted_at" is null and "accounts"."domain" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_name_idx" ON "accounts" USING btree (lower("name"),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_domain_idx" ON "accounts" USING btree (coalesce("domain", ''),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_industry_idx" ON "accounts" USING btree (coalesce(lower("industry"), ''),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_employee_count_idx" ON "accounts" USING btree (coalesce("employee_count", -1),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_annual_revenue_idx" ON "accounts" USING btree (coalesce("annual_revenue", -1),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_city_idx" ON "accounts" USING btree (coalesce(lower("city"), ''),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_country_idx" ON "accounts" USING btree (coalesce("country", ''),"id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_created_at_idx" ON "accounts" USING btree ("created_at","id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_sort_updated_at_idx" ON "accounts" USING btree ("updated_at","id") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_employee_range_idx" ON "accounts" USING btree ("employee_range") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_revenue_range_idx" ON "accounts" USING btree ("revenue_range") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_state_idx" ON "accounts" USING btree (coalesce(lower("state"), '')) WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_enrichment_status_idx" ON "accounts" USING btree ("enrichment_status") WHERE "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_technologies_idx" ON "accounts" USING gin ("technologies");--> statement-breakpoint
CREATE INDEX "accounts_deleted_at_idx" ON "accounts" USING btree ("deleted_at","id") WHERE "accounts"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "accounts_deleted_by_bulk_idx" ON "accounts" USING btree ("deleted_by_bulk") WHERE "accounts"."deleted_by_bulk" is not null;--> statement-breakpoint
CREATE INDEX "bulk_operations_entity_created_idx" ON "bulk_operations" USING btree ("entity_type","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_email_live_key" ON "contacts" USING btree ("email") WHERE "contacts"."deleted_at" is null and "contacts"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_person_live_key" ON "contacts" USING btree (coalesce("account_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("full_name"),coalesce("direct_phone", "mobile_phone", '')) WHERE "contacts"."deleted_at" is null and "contacts"."email" is null;--> statement-breakpoint
CREATE INDEX "contacts_account_id_idx" ON "contacts" USING btree ("account_id","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_full_name_idx" ON "contacts" USING btree (coalesce(lower("full_name"), ''),"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_last_name_idx" ON "contacts" USING btree (coalesce(lower("last_name"), ''),"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_email_idx" ON "contacts" USING btree (coalesce("email", ''),"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_job_title_idx" ON "contacts" USING btree (coalesce(lower("job_title"), ''),"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_country_idx" ON "contacts" USING btree (coalesce("country", ''),"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_research_date_idx" ON "contacts" USING btree (coalesce("research_date", '0001-01-01'::date),"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_created_at_idx" ON "contacts" USING btree ("created_at","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_sort_updated_at_idx" ON "contacts" USING btree ("updated_at","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_seniority_idx" ON "contacts" USING btree ("seniority") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_job_function_idx" ON "contacts" USING btree (coalesce(lower("job_function"), '')) WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_email_status_idx" ON "contacts" USING btree ("email_status") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_consent_status_idx" ON "contacts" USING btree ("consent_status") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_city_idx" ON "contacts" USING btree (coalesce(lower("city"), '')) WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_state_idx" ON "contacts" USING btree (coalesce(lower("state"), '')) WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_direct_phone_idx" ON "contacts" USING btree ("direct_phone") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_email_confidence_idx" ON "contacts" USING btree ("email_confidence") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_deleted_at_idx" ON "contacts" USING btree ("deleted_at","id") WHERE "contacts"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "contacts_deleted_by_bulk_idx" ON "contacts" USING btree ("deleted_by_bulk") WHERE "contacts"."deleted_by_bulk" is not null;--> statement-breakpoint
CREATE INDEX "record_changes_entity_idx" ON "record_changes" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "record_changes_bulk_idx" ON "record_changes" USING btree ("bulk_id") WHERE "record_changes"."bulk_id" is not null;