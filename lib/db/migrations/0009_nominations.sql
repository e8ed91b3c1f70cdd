-- Public nominations (đề cử), their evidence files, and the editor role that verifies them.
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('journalist', 'juror', 'secretariat', 'editor'));--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"nominee" jsonb NOT NULL,
	"nominee_key" text NOT NULL,
	"merged_into" uuid,
	"deeds" text NOT NULL,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"referees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"nominator_name" text NOT NULL,
	"nominator_email" text NOT NULL,
	"nominator_phone" text NOT NULL,
	"nominator_relation" text NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"more_request" text,
	"more_answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reject_reason" text,
	"consent_at" timestamp with time zone,
	"consent_by" text,
	"story_slug" text,
	"confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_status_check" CHECK ("nominations"."status" in ('unconfirmed', 'received', 'reviewing', 'moreInfo', 'accepted', 'rejected', 'published'))
);--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_merged_into_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."nominations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_code_key" ON "nominations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "nominations_nominee_key_idx" ON "nominations" USING btree ("nominee_key");--> statement-breakpoint
CREATE INDEX "nominations_status_idx" ON "nominations" USING btree ("status","created_at");--> statement-breakpoint
CREATE TABLE "nomination_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"removed_metadata" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "nomination_files" ADD CONSTRAINT "nomination_files_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nomination_files_nomination_idx" ON "nomination_files" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "nomination_files_sha_idx" ON "nomination_files" USING btree ("sha256");
