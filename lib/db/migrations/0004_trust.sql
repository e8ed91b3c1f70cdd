CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "clean_sha256" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "clean_size" bigint;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "removed_metadata" jsonb;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "byline_found" jsonb;--> statement-breakpoint
ALTER TABLE "entry_authors" ADD COLUMN "status" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "entry_authors" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "blocked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "recovery_codes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "entry_authors" ADD CONSTRAINT "entry_authors_status_check" CHECK ("entry_authors"."status" in ('pending', 'accepted', 'declined'));