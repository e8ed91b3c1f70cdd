ALTER TABLE "contests" ADD COLUMN "decision_number" text;--> statement-breakpoint
ALTER TABLE "contests" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "prizes" ADD COLUMN "citation" jsonb DEFAULT '{"vi":"","en":""}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "entries" ADD COLUMN "publish_files" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE TABLE "mail_templates" (
	"event" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid REFERENCES "users"("id"),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_templates_event_locale_pk" PRIMARY KEY("event","locale")
);
--> statement-breakpoint
CREATE TABLE "mail_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"to_email" text NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"entry_id" uuid REFERENCES "entries"("id") ON DELETE SET NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"test" boolean DEFAULT false NOT NULL,
	"sent_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_log_status_check" CHECK ("status" in ('sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "mail_log_entry_idx" ON "mail_log" USING btree ("entry_id","id");--> statement-breakpoint
CREATE INDEX "mail_log_user_idx" ON "mail_log" USING btree ("user_id","id");
