CREATE TABLE "contact_holds" (
	"contact_id" uuid NOT NULL,
	"holder" text NOT NULL,
	"account_id" uuid,
	"held_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_holds_pkey" PRIMARY KEY("contact_id","holder")
);
--> statement-breakpoint
CREATE TABLE "contact_policy_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_policy_versions_version_check" CHECK ("contact_policy_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "gate_proof_exclusions" (
	"proof_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "gate_proof_exclusions_pkey" PRIMARY KEY("proof_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "gate_proofs" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"channel" text NOT NULL,
	"campaign_id" uuid,
	"policy_version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"selection" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"audience" integer NOT NULL,
	"admitted" integer NOT NULL,
	"excluded" jsonb NOT NULL,
	"actor_id" uuid,
	"retain_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gate_proofs_channel_check" CHECK ("gate_proofs"."channel" in ('email', 'phone'))
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"body" text NOT NULL,
	"mentions" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "notes_subject_check" CHECK ("notes"."contact_id" is not null or "notes"."account_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_time_zone" text NOT NULL,
	"assignee_id" uuid NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"note" text,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "tasks_type_check" CHECK ("tasks"."type" in ('call_back', 'email', 'other')),
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "touches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "touches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_event_id" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"account_id" uuid,
	"campaign_id" uuid,
	"order_id" uuid,
	"outcome" text,
	"disposition" text,
	"summary" text,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touches_channel_check" CHECK ("touches"."channel" in ('email', 'call', 'other')),
	CONSTRAINT "touches_kind_check" CHECK ("touches"."kind" in ('sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed', 'complained', 'attempted', 'connected', 'disposition', 'note', 'task')),
	CONSTRAINT "touches_outcome_check" CHECK ("touches"."outcome" is null or "touches"."outcome" in ('positive', 'negative', 'neutral'))
);
--> statement-breakpoint
ALTER TABLE "contact_holds" ADD CONSTRAINT "contact_holds_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_policy_versions" ADD CONSTRAINT "contact_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_proof_exclusions" ADD CONSTRAINT "gate_proof_exclusions_proof_id_gate_proofs_id_fk" FOREIGN KEY ("proof_id") REFERENCES "public"."gate_proofs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_proofs" ADD CONSTRAINT "gate_proofs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_holds_account_idx" ON "contact_holds" USING btree ("account_id","held_until") WHERE "contact_holds"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "gate_proofs_campaign_idx" ON "gate_proofs" USING btree ("campaign_id","at");--> statement-breakpoint
CREATE INDEX "gate_proofs_retain_idx" ON "gate_proofs" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "notes_contact_idx" ON "notes" USING btree ("contact_id","created_at") WHERE "notes"."deleted_at" is null and "notes"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "notes_account_idx" ON "notes" USING btree ("account_id","created_at") WHERE "notes"."deleted_at" is null and "notes"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_assignee_due_idx" ON "tasks" USING btree ("assignee_id","status","due_at") WHERE "tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_contact_idx" ON "tasks" USING btree ("contact_id","created_at") WHERE "tasks"."deleted_at" is null and "tasks"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_account_idx" ON "tasks" USING btree ("account_id","created_at") WHERE "tasks"."deleted_at" is null and "tasks"."account_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "touches_source_event_key" ON "touches" USING btree ("source_event_id");--> statement-breakpoint
CREATE INDEX "touches_contact_time_idx" ON "touches" USING btree ("contact_id","occurred_at","channel","kind","outcome","disposition");--> statement-breakpoint
CREATE INDEX "touches_account_time_idx" ON "touches" USING btree ("account_id","occurred_at") WHERE "touches"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "touches_account_connected_idx" ON "touches" USING btree ("account_id","occurred_at") WHERE "touches"."account_id" is not null and "touches"."kind" = 'connected';--> statement-breakpoint
CREATE INDEX "touches_account_positive_idx" ON "touches" USING btree ("account_id","occurred_at") WHERE "touches"."account_id" is not null and "touches"."outcome" = 'positive';