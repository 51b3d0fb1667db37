CREATE TABLE "email_batches" (
	"campaign_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"recipients" integer NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "email_batches_pkey" PRIMARY KEY("campaign_id","batch_no"),
	CONSTRAINT "email_batches_status_check" CHECK ("email_batches"."status" in ('pending', 'running', 'done'))
);
--> statement-breakpoint
CREATE TABLE "email_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience_kind" text,
	"audience_id" uuid,
	"sender_profile_id" uuid,
	"schedule" jsonb,
	"ab_test" jsonb,
	"winner_variant_id" uuid,
	"paused_reason" text,
	"parent_campaign_id" uuid,
	"follow_up" text,
	"gate_proof_id" uuid,
	"execution_arn" text,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "email_campaigns_status_check" CHECK ("email_campaigns"."status" in ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled')),
	CONSTRAINT "email_campaigns_audience_check" CHECK ("email_campaigns"."audience_kind" is null or "email_campaigns"."audience_kind" in ('segment', 'list', 'domain_set')),
	CONSTRAINT "email_campaigns_follow_up_check" CHECK ("email_campaigns"."follow_up" is null or "email_campaigns"."follow_up" in ('failed', 'non_openers'))
);
--> statement-breakpoint
CREATE TABLE "email_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_event_id" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"recipient_id" bigint,
	"variant_id" uuid,
	"kind" text NOT NULL,
	"machine" boolean DEFAULT false NOT NULL,
	"link_index" integer,
	"detail" jsonb,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_events_kind_check" CHECK ("email_events"."kind" in ('open', 'click', 'delivery', 'bounce', 'complaint', 'unsubscribe', 'reject', 'delay'))
);
--> statement-breakpoint
CREATE TABLE "email_recipients" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"email" text NOT NULL,
	"variant_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"reason" text,
	"batch_no" integer,
	"send_after" timestamp with time zone,
	"message_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"machine_opened_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"bounce" text,
	"unsubscribed_at" timestamp with time zone,
	"complained_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_recipients_status_check" CHECK ("email_recipients"."status" in ('queued', 'sending', 'sent', 'failed', 'uncertain', 'excluded', 'held')),
	CONSTRAINT "email_recipients_bounce_check" CHECK ("email_recipients"."bounce" is null or "email_recipients"."bounce" in ('hard', 'soft'))
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"mode" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"document" jsonb,
	"mjml" text,
	"html" text DEFAULT '' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "email_templates_mode_check" CHECK ("email_templates"."mode" in ('blocks', 'html'))
);
--> statement-breakpoint
CREATE TABLE "email_variants" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"key" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"mode" text DEFAULT 'blocks' NOT NULL,
	"document" jsonb,
	"mjml" text,
	"html" text DEFAULT '' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_variants_mode_check" CHECK ("email_variants"."mode" in ('blocks', 'html'))
);
--> statement-breakpoint
CREATE TABLE "ip_pools" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"configuration_set" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sender_profiles" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"from_name" text NOT NULL,
	"from_address" text NOT NULL,
	"reply_to" text,
	"postal_address" text NOT NULL,
	"sending_domain_id" uuid NOT NULL,
	"provider" text DEFAULT 'ses' NOT NULL,
	"ip_pool_id" uuid,
	"tracking_domain_id" uuid,
	"warmup_plan_id" uuid,
	"warmup_started_on" date,
	"rate_per_second" integer DEFAULT 14 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "sender_profiles_provider_check" CHECK ("sender_profiles"."provider" in ('ses', 'sendgrid', 'mailgun')),
	CONSTRAINT "sender_profiles_rate_check" CHECK ("sender_profiles"."rate_per_second" between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "sending_domains" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"domain" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"dkim_verified" boolean DEFAULT false NOT NULL,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_checked_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sending_domains_status_check" CHECK ("sending_domains"."status" in ('pending', 'verified', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "tracking_domains" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"domain" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"cname_target" text NOT NULL,
	"last_checked_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_domains_status_check" CHECK ("tracking_domains"."status" in ('pending', 'verified', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "warmup_plans" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"daily_caps" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_batches" ADD CONSTRAINT "email_batches_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_sender_profile_id_sender_profiles_id_fk" FOREIGN KEY ("sender_profile_id") REFERENCES "public"."sender_profiles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_recipient_id_email_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."email_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_variants" ADD CONSTRAINT "email_variants_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sender_profiles" ADD CONSTRAINT "sender_profiles_sending_domain_id_sending_domains_id_fk" FOREIGN KEY ("sending_domain_id") REFERENCES "public"."sending_domains"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sender_profiles" ADD CONSTRAINT "sender_profiles_ip_pool_id_ip_pools_id_fk" FOREIGN KEY ("ip_pool_id") REFERENCES "public"."ip_pools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sender_profiles" ADD CONSTRAINT "sender_profiles_tracking_domain_id_tracking_domains_id_fk" FOREIGN KEY ("tracking_domain_id") REFERENCES "public"."tracking_domains"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sender_profiles" ADD CONSTRAINT "sender_profiles_warmup_plan_id_warmup_plans_id_fk" FOREIGN KEY ("warmup_plan_id") REFERENCES "public"."warmup_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_campaigns_status_idx" ON "email_campaigns" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "email_campaigns_created_idx" ON "email_campaigns" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_events_source_key" ON "email_events" USING btree ("source_event_id");--> statement-breakpoint
CREATE INDEX "email_events_campaign_idx" ON "email_events" USING btree ("campaign_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "email_events_recipient_idx" ON "email_events" USING btree ("recipient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_recipients_campaign_email_key" ON "email_recipients" USING btree ("campaign_id","email");--> statement-breakpoint
CREATE INDEX "email_recipients_batch_idx" ON "email_recipients" USING btree ("campaign_id","batch_no","status");--> statement-breakpoint
CREATE INDEX "email_recipients_status_idx" ON "email_recipients" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "email_recipients_contact_idx" ON "email_recipients" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_recipients_message_key" ON "email_recipients" USING btree ("message_id") WHERE "email_recipients"."message_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "email_variants_campaign_key" ON "email_variants" USING btree ("campaign_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_pools_name_key" ON "ip_pools" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "sending_domains_domain_key" ON "sending_domains" USING btree ("domain");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_domains_domain_key" ON "tracking_domains" USING btree ("domain");