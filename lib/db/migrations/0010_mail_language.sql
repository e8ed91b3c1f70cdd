-- The language each message went in, so a page shows its subject as what it is (not in the page's language).
ALTER TABLE "mail_log" ADD COLUMN "language" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
-- Eligibility decisions and results have always gone in both languages; other past messages are taken as Vietnamese.
UPDATE "mail_log" SET "language" = 'both' WHERE "event" IN ('eligibility', 'results');--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_language_check" CHECK ("mail_log"."language" in ('vi', 'en', 'both'));
