CREATE TABLE "suppressions" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v7() NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppressions_type_check" CHECK ("suppressions"."type" in ('email', 'domain', 'phone')),
	CONSTRAINT "suppressions_reason_check" CHECK ("suppressions"."reason" in ('unsubscribe', 'bounce', 'complaint', 'manual', 'dnc_registry', 'client_request')),
	CONSTRAINT "suppressions_value_check" CHECK (case "suppressions"."type"
        when 'email' then "suppressions"."value" = lower(btrim("suppressions"."value")) and position('@' in "suppressions"."value") > 1
        when 'domain' then "suppressions"."value" = lower(btrim("suppressions"."value")) and position('@' in "suppressions"."value") = 0 and position('.' in "suppressions"."value") > 1
        else "suppressions"."value" ~ '^\+[1-9][0-9]{5,14}$'
      end)
);
--> statement-breakpoint
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "suppressions_type_value_key" ON "suppressions" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "suppressions_reason_idx" ON "suppressions" USING btree ("reason");