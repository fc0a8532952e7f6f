CREATE TABLE `sign_in_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`username` text,
	`attempts` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`last_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_username_idx` ON `sign_in_attempts` (`username`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_last_at_idx` ON `sign_in_attempts` (`last_at`);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` integer;