CREATE TABLE "campaign_assets" (
	"campaign_kind" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_assets_campaign_kind_campaign_id_asset_id_pk" PRIMARY KEY("campaign_kind","campaign_id","asset_id"),
	CONSTRAINT "campaign_assets_kind_check" CHECK ("campaign_assets"."campaign_kind" in ('email', 'call'))
);
--> statement-breakpoint
CREATE TABLE "content_asset_versions" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"asset_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"object_key" text,
	"file_name" text,
	"content_type" text,
	"size_bytes" bigint,
	"sha256" text,
	"preview_key" text,
	"subject" text,
	"body" text,
	"url" text,
	"note" text,
	"ai_model" text,
	"brief" text,
	"restored_from" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_asset_versions_source_check" CHECK ("content_asset_versions"."source" in ('upload', 'edit', 'ai', 'restore')),
	CONSTRAINT "content_asset_versions_number_check" CHECK ("content_asset_versions"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "content_assets" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"current_version_id" uuid,
	"public_url" text,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_assets_type_check" CHECK ("content_assets"."type" in ('document', 'image', 'video_link', 'email_template', 'landing_copy', 'social_post'))
);
--> statement-breakpoint
CREATE TABLE "content_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"asset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"link_id" uuid,
	"contact_id" uuid,
	"campaign_kind" text,
	"campaign_id" uuid,
	"automated" boolean DEFAULT false NOT NULL,
	"source_event_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_events_kind_check" CHECK ("content_events"."kind" in ('view', 'click'))
);
--> statement-breakpoint
CREATE TABLE "content_uploads" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"asset_id" uuid,
	"draft" jsonb,
	"object_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"version_id" uuid,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_uploads_state_check" CHECK ("content_uploads"."state" in ('pending', 'completed', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "reference_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"reference_id" uuid NOT NULL,
	"incoming" jsonb NOT NULL,
	"incoming_updated_at" timestamp with time zone,
	"fields" text[] NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_conflicts_state_check" CHECK ("reference_conflicts"."state" in ('open', 'resolved')),
	CONSTRAINT "reference_conflicts_resolution_check" CHECK ("reference_conflicts"."resolution" is null or "reference_conflicts"."resolution" in ('keep_ours', 'take_theirs'))
);
--> statement-breakpoint
CREATE TABLE "reference_people" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"remote_updated_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_people_kind_check" CHECK ("reference_people"."kind" in ('speaker', 'organizer', 'sponsor'))
);
--> statement-breakpoint
CREATE TABLE "resources_centre_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resources_centre_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"direction" text NOT NULL,
	"push_id" uuid,
	"outcome" text NOT NULL,
	"http_status" integer,
	"detail" text,
	"duration_ms" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_centre_log_direction_check" CHECK ("resources_centre_log"."direction" in ('push', 'pull', 'inbound')),
	CONSTRAINT "resources_centre_log_outcome_check" CHECK ("resources_centre_log"."outcome" in ('delivered', 'accepted', 'refused', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "resources_centre_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources_centre_pushes" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"asset_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"remote_id" text,
	"remote_url" text,
	"delivered_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_centre_pushes_state_check" CHECK ("resources_centre_pushes"."state" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "resources_centre_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"endpoint_url" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"secret_ref" text NOT NULL,
	"previous_secret_ref" text,
	"previous_secret_expires_at" timestamp with time zone,
	"rotated_at" timestamp with time zone,
	"last_push_at" timestamp with time zone,
	"last_pull_at" timestamp with time zone,
	"last_inbound_at" timestamp with time zone,
	"pull_cursor" text,
	"last_pull_error" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_centre_settings_single_row" CHECK ("resources_centre_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "social_accounts" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"platform" text NOT NULL,
	"name" text NOT NULL,
	"external_id" text NOT NULL,
	"token_ref" text NOT NULL,
	"token_expires_at" timestamp with time zone,
	"state" text DEFAULT 'connected' NOT NULL,
	"last_error" text,
	"connected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_accounts_platform_check" CHECK ("social_accounts"."platform" in ('linkedin', 'x', 'facebook')),
	CONSTRAINT "social_accounts_state_check" CHECK ("social_accounts"."state" in ('connected', 'disconnected', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "social_posts" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"account_id" uuid NOT NULL,
	"asset_id" uuid,
	"version_id" uuid,
	"body" text NOT NULL,
	"link_url" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"schedule_name" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"external_id" text,
	"external_url" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_posts_state_check" CHECK ("social_posts"."state" in ('draft', 'scheduled', 'publishing', 'published', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "tracking_links" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"code" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"campaign_kind" text,
	"campaign_id" uuid,
	"channel" text NOT NULL,
	"utm" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_links_channel_check" CHECK ("tracking_links"."channel" in ('email', 'call_script', 'resources_centre')),
	CONSTRAINT "tracking_links_campaign_kind_check" CHECK ("tracking_links"."campaign_kind" is null or "tracking_links"."campaign_kind" in ('email', 'call'))
);
--> statement-breakpoint
ALTER TABLE "campaign_assets" ADD CONSTRAINT "campaign_assets_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_assets" ADD CONSTRAINT "campaign_assets_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_asset_versions" ADD CONSTRAINT "content_asset_versions_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_asset_versions" ADD CONSTRAINT "content_asset_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_assets" ADD CONSTRAINT "content_assets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_assets" ADD CONSTRAINT "content_assets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_events" ADD CONSTRAINT "content_events_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_events" ADD CONSTRAINT "content_events_link_id_tracking_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracking_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_events" ADD CONSTRAINT "content_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_uploads" ADD CONSTRAINT "content_uploads_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_uploads" ADD CONSTRAINT "content_uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_conflicts" ADD CONSTRAINT "reference_conflicts_reference_id_reference_people_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."reference_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_conflicts" ADD CONSTRAINT "reference_conflicts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_people" ADD CONSTRAINT "reference_people_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources_centre_log" ADD CONSTRAINT "resources_centre_log_push_id_resources_centre_pushes_id_fk" FOREIGN KEY ("push_id") REFERENCES "public"."resources_centre_pushes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources_centre_pushes" ADD CONSTRAINT "resources_centre_pushes_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources_centre_pushes" ADD CONSTRAINT "resources_centre_pushes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources_centre_settings" ADD CONSTRAINT "resources_centre_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_asset_id_content_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."content_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_assets_asset_idx" ON "campaign_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_asset_versions_number_key" ON "content_asset_versions" USING btree ("asset_id","number");--> statement-breakpoint
CREATE INDEX "content_assets_type_idx" ON "content_assets" USING btree ("type","updated_at");--> statement-breakpoint
CREATE INDEX "content_assets_tags_idx" ON "content_assets" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "content_events_asset_idx" ON "content_events" USING btree ("asset_id","kind","at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_events_source_key" ON "content_events" USING btree ("source_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_uploads_object_key" ON "content_uploads" USING btree ("object_key");--> statement-breakpoint
CREATE INDEX "content_uploads_pending_idx" ON "content_uploads" USING btree ("expires_at") WHERE "content_uploads"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "reference_conflicts_open_idx" ON "reference_conflicts" USING btree ("reference_id") WHERE "reference_conflicts"."state" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "reference_people_external_key" ON "reference_people" USING btree ("kind","external_id");--> statement-breakpoint
CREATE INDEX "resources_centre_log_at_idx" ON "resources_centre_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "resources_centre_log_push_idx" ON "resources_centre_log" USING btree ("push_id") WHERE "resources_centre_log"."push_id" is not null;--> statement-breakpoint
CREATE INDEX "resources_centre_nonces_received_idx" ON "resources_centre_nonces" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_centre_pushes_idempotency_key" ON "resources_centre_pushes" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "resources_centre_pushes_due_idx" ON "resources_centre_pushes" USING btree ("next_attempt_at") WHERE "resources_centre_pushes"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "resources_centre_pushes_asset_idx" ON "resources_centre_pushes" USING btree ("asset_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "social_accounts_external_key" ON "social_accounts" USING btree ("platform","external_id");--> statement-breakpoint
CREATE INDEX "social_posts_due_idx" ON "social_posts" USING btree ("scheduled_at") WHERE "social_posts"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "social_posts_calendar_idx" ON "social_posts" USING btree ("scheduled_at","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_code_key" ON "tracking_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_natural_key" ON "tracking_links" USING btree ("contact_id","asset_id","channel",coalesce("campaign_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "tracking_links_asset_idx" ON "tracking_links" USING btree ("asset_id");