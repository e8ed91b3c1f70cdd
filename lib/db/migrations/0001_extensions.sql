-- Accent-insensitive and fuzzy matching for the PostgreSQL search fallback (lib/search).
-- PGlite loads both from its contrib bundle; on a PostgreSQL server they come with postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
