CREATE TABLE "domain_set_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "domain_set_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"set_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"raw" text NOT NULL,
	"kind" text NOT NULL,
	"domain" text,
	"host" text,
	"name_key" text,
	"account_id" uuid,
	"match_method" text,
	"confidence" real,
	"review_status" text DEFAULT 'suggested' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_set_entries_kind_check" CHECK ("domain_set_entries"."kind" in ('domain', 'name')),
	CONSTRAINT "domain_set_entries_method_check" CHECK ("domain_set_entries"."match_method" in ('domain_exact', 'domain_parent', 'name_exact', 'name_similar')),
	CONSTRAINT "domain_set_entries_review_check" CHECK ("domain_set_entries"."review_status" in ('suggested', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "domain_sets" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"issues" jsonb DEFAULT '{"invalid":[],"duplicates":[]}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"filter" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "static_list_members" (
	"list_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "static_list_members_pkey" PRIMARY KEY("list_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "static_lists" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"origin" text DEFAULT 'manual' NOT NULL,
	"origin_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "static_lists_origin_check" CHECK ("static_lists"."origin" in ('manual', 'segment', 'domain_set', 'import'))
);
--> statement-breakpoint
ALTER TABLE "domain_set_entries" ADD CONSTRAINT "domain_set_entries_set_id_domain_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."domain_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_set_entries" ADD CONSTRAINT "domain_set_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "static_list_members" ADD CONSTRAINT "static_list_members_list_id_static_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."static_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "static_list_members" ADD CONSTRAINT "static_list_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_set_entries_set_idx" ON "domain_set_entries" USING btree ("set_id","line_no");--> statement-breakpoint
CREATE INDEX "domain_set_entries_account_idx" ON "domain_set_entries" USING btree ("account_id","set_id") WHERE "domain_set_entries"."account_id" is not null and "domain_set_entries"."review_status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "segments_name_live_key" ON "segments" USING btree (lower("name")) WHERE "segments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "static_list_members_contact_idx" ON "static_list_members" USING btree ("contact_id","list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "static_lists_name_live_key" ON "static_lists" USING btree (lower("name")) WHERE "static_lists"."deleted_at" is null;