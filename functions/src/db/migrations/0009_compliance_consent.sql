CREATE TABLE "contact_consent" (
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"evidence" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"history_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_consent_pkey" PRIMARY KEY("contact_id","channel"),
	CONSTRAINT "contact_consent_channel_check" CHECK ("contact_consent"."channel" in ('email', 'phone')),
	CONSTRAINT "contact_consent_status_check" CHECK ("contact_consent"."status" in ('opted_in', 'opted_out', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "contact_consent_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_consent_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"evidence" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_consent_history_channel_check" CHECK ("contact_consent_history"."channel" in ('email', 'phone')),
	CONSTRAINT "contact_consent_history_status_check" CHECK ("contact_consent_history"."status" in ('opted_in', 'opted_out', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "contact_consent" ADD CONSTRAINT "contact_consent_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent" ADD CONSTRAINT "contact_consent_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_history" ADD CONSTRAINT "contact_consent_history_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_history" ADD CONSTRAINT "contact_consent_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_consent_opted_out_idx" ON "contact_consent" USING btree ("channel","contact_id") WHERE "contact_consent"."status" = 'opted_out';--> statement-breakpoint
CREATE INDEX "contact_consent_history_contact_idx" ON "contact_consent_history" USING btree ("contact_id","id");