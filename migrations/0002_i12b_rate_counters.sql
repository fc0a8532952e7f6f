CREATE TABLE `rate_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`minute` integer NOT NULL,
	`minute_count` integer NOT NULL,
	`day_count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_counters_day_idx` ON `rate_counters` (`day`);--> statement-breakpoint
ALTER TABLE `points` ADD `daily_limit` integer;