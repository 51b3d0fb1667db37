-- Planner statistics for the expressions lists filter and sort on. Their indexes are partial (live
-- rows only), and Postgres takes no expression statistics from partial indexes, so without these
-- it guesses 0.5% for `lower(job_title) like …` or `coalesce(domain, '') = …` and picks plans that
-- are off by orders of magnitude on large tables. Filled by the next ANALYZE (or autovacuum).
CREATE STATISTICS IF NOT EXISTS contacts_job_title_stats ON (lower(job_title)) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_job_title_sort_stats ON (coalesce(lower(job_title), '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_full_name_stats ON (coalesce(lower(full_name), '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_last_name_stats ON (coalesce(lower(last_name), '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_email_stats ON (coalesce(email, '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_country_stats ON (coalesce(country, '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_job_function_stats ON (coalesce(lower(job_function), '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_city_stats ON (coalesce(lower(city), '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_state_stats ON (coalesce(lower(state), '')) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS contacts_search_stats ON (lower(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(direct_phone, '') || ' ' || coalesce(mobile_phone, ''))) FROM contacts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_name_stats ON (lower(name)) FROM accounts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_domain_stats ON (coalesce(domain, '')) FROM accounts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_industry_stats ON (coalesce(lower(industry), '')) FROM accounts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_industry_lower_stats ON (lower(industry)) FROM accounts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_city_stats ON (coalesce(lower(city), '')) FROM accounts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_country_stats ON (coalesce(country, '')) FROM accounts;
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS accounts_search_stats ON (lower(name || ' ' || coalesce(domain, '') || ' ' || coalesce(phone, ''))) FROM accounts;
