CREATE TABLE "export_jobs" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"resource" text NOT NULL,
	"selection" jsonb NOT NULL,
	"columns" jsonb NOT NULL,
	"bom" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"object_key" text,
	"failure_reason" text,
	"created_by" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_jobs_resource_check" CHECK ("export_jobs"."resource" IN ('accounts', 'contacts')),
	CONSTRAINT "export_jobs_status_check" CHECK ("export_jobs"."status" IN ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "import_changes" (
	"job_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"before" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_changes_job_id_entity_entity_id_pk" PRIMARY KEY("job_id","entity","entity_id")
);
--> statement-breakpoint
CREATE TABLE "import_chunks" (
	"job_id" uuid NOT NULL,
	"chunk_index" integer NOT NULL,
	"byte_start" bigint NOT NULL,
	"byte_end" bigint NOT NULL,
	"first_row" integer NOT NULL,
	"row_count" integer NOT NULL,
	"duplicate_rows" integer[] DEFAULT '{}'::int[] NOT NULL,
	"duplicate_of" integer[] DEFAULT '{}'::int[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"counts" jsonb,
	"samples" jsonb,
	"created_contact_ids" uuid[],
	"created_account_ids" uuid[],
	"completed_at" timestamp with time zone,
	CONSTRAINT "import_chunks_job_id_chunk_index_pk" PRIMARY KEY("job_id","chunk_index"),
	CONSTRAINT "import_chunks_status_check" CHECK ("import_chunks"."status" IN ('pending', 'done'))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"file_name" text NOT NULL,
	"object_key" text NOT NULL,
	"file_size" bigint,
	"upload_id" text,
	"encoding" text,
	"delimiter" text,
	"data_offset" bigint,
	"headers" jsonb,
	"analysis" jsonb,
	"mapping" jsonb,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"profile_id" uuid,
	"execution_arn" text,
	"rows_total" integer,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"suppressed" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"accounts_created" integer DEFAULT 0 NOT NULL,
	"chunks_total" integer,
	"chunks_done" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error_file_key" text,
	"result_file_key" text,
	"failure_reason" text,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone,
	"reverted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_jobs_origin_check" CHECK ("import_jobs"."origin" IN ('upload', 'drop_folder')),
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" IN ('uploading', 'analysed', 'queued', 'running', 'completed', 'failed', 'cancelled', 'reverted'))
);
--> statement-breakpoint
CREATE TABLE "import_mapping_profiles" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"mapping" jsonb NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_row_issues" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_row_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"severity" text NOT NULL,
	"column" text,
	"reason" text NOT NULL,
	"fields" jsonb,
	CONSTRAINT "import_row_issues_severity_check" CHECK ("import_row_issues"."severity" IN ('error', 'warning', 'duplicate', 'suppressed'))
);
--> statement-breakpoint
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_chunks" ADD CONSTRAINT "import_chunks_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_profile_id_import_mapping_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."import_mapping_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mapping_profiles" ADD CONSTRAINT "import_mapping_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row_issues" ADD CONSTRAINT "import_row_issues_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_jobs_created_at_idx" ON "export_jobs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "import_jobs_created_at_idx" ON "import_jobs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_object_key_key" ON "import_jobs" USING btree ("object_key");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mapping_profiles_name_key" ON "import_mapping_profiles" USING btree (lower("name")) WHERE "import_mapping_profiles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "import_row_issues_job_idx" ON "import_row_issues" USING btree ("job_id","row_number");