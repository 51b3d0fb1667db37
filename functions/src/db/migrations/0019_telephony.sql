CREATE TABLE "calling_hour_rules" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"weekday" smallint,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calling_hour_rules_weekday_check" CHECK ("calling_hour_rules"."weekday" is null or "calling_hour_rules"."weekday" between 0 and 6)
);
--> statement-breakpoint
CREATE TABLE "agent_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"credential_id" text NOT NULL,
	"sip_username" text NOT NULL,
	"trunk_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience" jsonb,
	"trunk_id" uuid,
	"caller_id" text,
	"seller_name" text NOT NULL,
	"seller_phone" text NOT NULL,
	"script" text DEFAULT '' NOT NULL,
	"form" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules" jsonb,
	"calling_window" jsonb,
	"record" boolean DEFAULT true NOT NULL,
	"consent_announcement" text,
	"recording_retention_days" integer DEFAULT 365 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "call_campaigns_status_check" CHECK ("call_campaigns"."status" in ('draft', 'active', 'paused', 'completed')),
	CONSTRAINT "call_campaigns_retention_check" CHECK ("call_campaigns"."recording_retention_days" between 1 and 3650)
);
--> statement-breakpoint
CREATE TABLE "call_dispositions" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"outcome_class" text NOT NULL,
	"shortcut" text,
	"position" smallint DEFAULT 0 NOT NULL,
	"retry_after_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_dispositions_outcome_check" CHECK ("call_dispositions"."outcome_class" in ('positive', 'negative', 'neutral', 'callback', 'do_not_call', 'wrong_number'))
);
--> statement-breakpoint
CREATE TABLE "call_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"call_id" uuid,
	"event_type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"campaign_id" uuid,
	"contact_id" uuid,
	"account_id" uuid,
	"agent_id" uuid,
	"origin" text NOT NULL,
	"to_number" text NOT NULL,
	"from_number" text NOT NULL,
	"call_control_id" text,
	"call_session_id" text,
	"agent_call_control_id" text,
	"state" text DEFAULT 'initiated' NOT NULL,
	"amd_result" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"human_at" timestamp with time zone,
	"bridged_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"hangup_cause" text,
	"abandoned" boolean DEFAULT false NOT NULL,
	"disposition_id" uuid,
	"disposition_at" timestamp with time zone,
	"notes" text,
	"answers" jsonb,
	"recording_key" text,
	"recording_seconds" integer,
	"last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_origin_check" CHECK ("calls"."origin" in ('dialer', 'manual', 'inbound')),
	CONSTRAINT "calls_state_check" CHECK ("calls"."state" in ('initiated', 'ringing', 'answered', 'bridged', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "campaign_agents" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_agents_pkey" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dialer_queue_items" (
	"campaign_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"account_id" uuid,
	"phone" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"call_id" uuid,
	"last_outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialer_queue_items_pkey" PRIMARY KEY("campaign_id","contact_id"),
	CONSTRAINT "dialer_queue_items_status_check" CHECK ("dialer_queue_items"."status" in ('queued', 'dialing', 'done', 'exhausted', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "dialer_queues" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'paused' NOT NULL,
	"settings" jsonb NOT NULL,
	"current_ratio" real DEFAULT 1 NOT NULL,
	"paused_reason" text,
	"filled_at" timestamp with time zone,
	"fill_proof_id" uuid,
	"last_tick_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialer_queues_status_check" CHECK ("dialer_queues"."status" in ('active', 'paused'))
);
--> statement-breakpoint
CREATE TABLE "sip_trunks" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"sip_host" text NOT NULL,
	"sip_username" text NOT NULL,
	"secret_ref" text NOT NULL,
	"secret_hint" text NOT NULL,
	"connection_id" text NOT NULL,
	"caller_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agent_credentials" ADD CONSTRAINT "agent_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_credentials" ADD CONSTRAINT "agent_credentials_trunk_id_sip_trunks_id_fk" FOREIGN KEY ("trunk_id") REFERENCES "public"."sip_trunks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_campaigns" ADD CONSTRAINT "call_campaigns_trunk_id_sip_trunks_id_fk" FOREIGN KEY ("trunk_id") REFERENCES "public"."sip_trunks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_campaigns" ADD CONSTRAINT "call_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_dispositions" ADD CONSTRAINT "call_dispositions_campaign_id_call_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."call_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_campaign_id_call_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."call_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_disposition_id_call_dispositions_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."call_dispositions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_agents" ADD CONSTRAINT "campaign_agents_campaign_id_call_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."call_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_agents" ADD CONSTRAINT "campaign_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialer_queue_items" ADD CONSTRAINT "dialer_queue_items_campaign_id_dialer_queues_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."dialer_queues"("campaign_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialer_queue_items" ADD CONSTRAINT "dialer_queue_items_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialer_queue_items" ADD CONSTRAINT "dialer_queue_items_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialer_queues" ADD CONSTRAINT "dialer_queues_campaign_id_call_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."call_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calling_hour_rules_region_idx" ON "calling_hour_rules" USING btree ("country","region");--> statement-breakpoint
CREATE INDEX "call_campaigns_status_idx" ON "call_campaigns" USING btree ("status","created_at") WHERE "call_campaigns"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "call_dispositions_code_key" ON "call_dispositions" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE INDEX "call_events_call_idx" ON "call_events" USING btree ("call_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_call_control_key" ON "calls" USING btree ("call_control_id") WHERE "calls"."call_control_id" is not null;--> statement-breakpoint
CREATE INDEX "calls_contact_idx" ON "calls" USING btree ("contact_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_campaign_answered_idx" ON "calls" USING btree ("campaign_id","answered_at") WHERE "calls"."answered_at" is not null;--> statement-breakpoint
CREATE INDEX "calls_campaign_started_idx" ON "calls" USING btree ("campaign_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_unbridged_idx" ON "calls" USING btree ("human_at") WHERE "calls"."human_at" is not null and "calls"."bridged_at" is null and "calls"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "campaign_agents_user_idx" ON "campaign_agents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "dialer_queue_items_claim_idx" ON "dialer_queue_items" USING btree ("campaign_id","priority" DESC NULLS LAST,"next_attempt_at") WHERE "dialer_queue_items"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "dialer_queue_items_added_idx" ON "dialer_queue_items" USING btree ("campaign_id","created_at") WHERE "dialer_queue_items"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "dialer_queue_items_lease_idx" ON "dialer_queue_items" USING btree ("lease_until") WHERE "dialer_queue_items"."status" = 'dialing';--> statement-breakpoint
CREATE INDEX "dialer_queue_items_contact_idx" ON "dialer_queue_items" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "dialer_queues_status_idx" ON "dialer_queues" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "sip_trunks_name_key" ON "sip_trunks" USING btree ("name") WHERE "sip_trunks"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sip_trunks_default_key" ON "sip_trunks" USING btree ("is_default") WHERE "sip_trunks"."is_default" and "sip_trunks"."deleted_at" is null;--> statement-breakpoint
INSERT INTO "calling_hour_rules" ("country", "region", "weekday", "start_time", "end_time", "closed", "source") VALUES
  ('US', 'FL', NULL, '08:00', '20:00', false, 'Florida Telephone Solicitation Act, Fla. Stat. 501.059(8)(a)'),
  ('US', 'OK', NULL, '08:00', '20:00', false, 'Oklahoma Telephone Solicitation Act, 15 O.S. 775C.4'),
  ('US', 'TX', 0, '12:00', '21:00', false, 'Tex. Bus. & Com. Code 301.051: Sunday noon to 9 p.m.'),
  ('US', 'LA', 0, '08:00', '20:00', true, 'La. R.S. 45:844.17: no solicitation on Sundays'),
  ('US', 'AL', 0, '08:00', '20:00', true, 'Ala. Code 8-19A-6: no solicitation on Sundays');
