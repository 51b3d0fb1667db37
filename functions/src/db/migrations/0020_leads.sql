CREATE TABLE "delivery_attempts" (
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"http_status" integer,
	"response_excerpt" text,
	"error" text,
	"duration_ms" integer,
	CONSTRAINT "delivery_attempts_delivery_id_attempt_pk" PRIMARY KEY("delivery_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "delivery_configs" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"client_org_id" uuid NOT NULL,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"field_map" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"secret_ref" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "delivery_configs_kind_check" CHECK ("delivery_configs"."kind" in ('webhook', 'form_post', 'csv'))
);
--> statement-breakpoint
CREATE TABLE "lead_account_checks" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"matched" boolean NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_campaign_settings" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"campaign_kind" text NOT NULL,
	"client_org_id" uuid,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"auto_deliver" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_campaign_settings_kind_check" CHECK ("lead_campaign_settings"."campaign_kind" in ('call', 'email'))
);
--> statement-breakpoint
CREATE TABLE "lead_corrections" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"lead_id" uuid NOT NULL,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"lead_id" uuid NOT NULL,
	"config_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_deliveries_status_check" CHECK ("lead_deliveries"."status" in ('pending', 'sending', 'delivered', 'failed', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "lead_reason_codes" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_reason_codes_kind_check" CHECK ("lead_reason_codes"."kind" in ('reject', 'return'))
);
--> statement-breakpoint
CREATE TABLE "lead_scores" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"lead_id" uuid NOT NULL,
	"scorer" text NOT NULL,
	"model" text,
	"overall" integer NOT NULL,
	"verdict" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_scores_scorer_check" CHECK ("lead_scores"."scorer" in ('rules', 'ai'))
);
--> statement-breakpoint
CREATE TABLE "lead_stage_runs" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"lead_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"vendor" text,
	"model" text,
	"audio_seconds" integer,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_micros" integer,
	CONSTRAINT "lead_stage_runs_stage_check" CHECK ("lead_stage_runs"."stage" in ('transcribe', 'score', 'verify', 'enrich', 'queue')),
	CONSTRAINT "lead_stage_runs_outcome_check" CHECK ("lead_stage_runs"."outcome" in ('running', 'ok', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "lead_transcripts" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"vendor" text NOT NULL,
	"job_id" text,
	"audio_seconds" integer,
	"utterances" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_transitions" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"reason_code" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"source" text NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"campaign_id" uuid,
	"campaign_kind" text,
	"client_org_id" uuid,
	"order_id" uuid,
	"call_id" uuid,
	"agent_id" uuid,
	"recording_key" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"pipeline_status" text DEFAULT 'pending' NOT NULL,
	"pipeline_reason" text,
	"pipeline_started_at" timestamp with time zone,
	"transcript_job_id" text,
	"suggested_verdict" text,
	"score" integer,
	"scorer" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason_code" text,
	"reason_note" text,
	"reviewer_id" uuid,
	"queued_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"replaced_by_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "leads_state_check" CHECK ("leads"."state" in ('new', 'under_review', 'approved', 'rejected', 'published', 'returned', 'replaced')),
	CONSTRAINT "leads_source_check" CHECK ("leads"."source" in ('call', 'import', 'manual')),
	CONSTRAINT "leads_campaign_kind_check" CHECK ("leads"."campaign_kind" is null or "leads"."campaign_kind" in ('call', 'email')),
	CONSTRAINT "leads_pipeline_check" CHECK ("leads"."pipeline_status" in ('pending', 'transcribing', 'scoring', 'verifying', 'queued', 'needs_review')),
	CONSTRAINT "leads_verdict_check" CHECK ("leads"."suggested_verdict" is null or "leads"."suggested_verdict" in ('approve', 'reject', 'review'))
);
--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_lead_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."lead_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_configs" ADD CONSTRAINT "delivery_configs_client_org_id_organisations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_configs" ADD CONSTRAINT "delivery_configs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_account_checks" ADD CONSTRAINT "lead_account_checks_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_campaign_settings" ADD CONSTRAINT "lead_campaign_settings_client_org_id_organisations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_corrections" ADD CONSTRAINT "lead_corrections_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_corrections" ADD CONSTRAINT "lead_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_deliveries" ADD CONSTRAINT "lead_deliveries_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_deliveries" ADD CONSTRAINT "lead_deliveries_config_id_delivery_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."delivery_configs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_scores" ADD CONSTRAINT "lead_scores_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_runs" ADD CONSTRAINT "lead_stage_runs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_transcripts" ADD CONSTRAINT "lead_transcripts_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_transitions" ADD CONSTRAINT "lead_transitions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_transitions" ADD CONSTRAINT "lead_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_client_org_id_organisations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_configs_client_idx" ON "delivery_configs" USING btree ("client_org_id","campaign_id") WHERE "delivery_configs"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "lead_corrections_lead_idx" ON "lead_corrections" USING btree ("lead_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_deliveries_lead_config_key" ON "lead_deliveries" USING btree ("lead_id","config_id");--> statement-breakpoint
CREATE INDEX "lead_deliveries_status_idx" ON "lead_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_reason_codes_code_key" ON "lead_reason_codes" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "lead_scores_lead_idx" ON "lead_scores" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE INDEX "lead_stage_runs_lead_idx" ON "lead_stage_runs" USING btree ("lead_id","started_at");--> statement-breakpoint
CREATE INDEX "lead_stage_runs_stage_idx" ON "lead_stage_runs" USING btree ("stage","started_at");--> statement-breakpoint
CREATE INDEX "lead_transitions_lead_idx" ON "lead_transitions" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "lead_transitions_at_idx" ON "lead_transitions" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_call_key" ON "leads" USING btree ("call_id") WHERE "leads"."call_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "leads_transcript_job_key" ON "leads" USING btree ("transcript_job_id") WHERE "leads"."transcript_job_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_state_idx" ON "leads" USING btree ("state","queued_at") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "leads_campaign_idx" ON "leads" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "leads_contact_idx" ON "leads" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "leads_client_idx" ON "leads" USING btree ("client_org_id","state");--> statement-breakpoint
CREATE INDEX "leads_pipeline_idx" ON "leads" USING btree ("pipeline_status","pipeline_started_at") WHERE "leads"."pipeline_status" not in ('queued', 'needs_review');--> statement-breakpoint
INSERT INTO "lead_reason_codes" ("code", "label", "kind") VALUES
  ('outside_criteria', 'Account outside the campaign''s criteria', 'reject'),
  ('wrong_title', 'Job title does not qualify', 'reject'),
  ('no_consent', 'No permission to contact or consent not recorded', 'reject'),
  ('no_interest', 'No interest in the content', 'reject'),
  ('answers_incomplete', 'Qualification answers missing or wrong', 'reject'),
  ('bad_email', 'Email undeliverable or not confirmed', 'reject'),
  ('bad_phone', 'Phone number invalid', 'reject'),
  ('duplicate', 'Duplicate of an earlier lead', 'reject'),
  ('poor_call', 'Call quality or script not followed', 'reject'),
  ('not_in_target_list', 'Not in the target account list', 'return'),
  ('wrong_contact_data', 'Contact details wrong', 'return'),
  ('already_delivered', 'Delivered before', 'return'),
  ('denies_interest', 'Prospect denies interest', 'return'),
  ('outside_criteria_return', 'Outside the order''s criteria', 'return');
