CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_code` text,
	`detail` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`unit_id` integer NOT NULL,
	`label` text NOT NULL,
	`service_id` integer,
	`form` text DEFAULT 'full' NOT NULL,
	`token_required` integer DEFAULT false NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "points_code_format" CHECK(length("points"."code") = 6 AND "points"."code" NOT GLOB '*[^ABCDEFGHJKMNPQRSTUVWXYZ23456789]*'),
	CONSTRAINT "points_form_valid" CHECK("points"."form" IN ('full', 'quick')),
	CONSTRAINT "points_label_present" CHECK(length(trim("points"."label")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `points_code_unique` ON `points` (`code`);--> statement-breakpoint
CREATE INDEX `points_unit_idx` ON `points` (`unit_id`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`point_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`service_id` integer,
	`form` text NOT NULL,
	`instrument` text NOT NULL,
	`lang` text NOT NULL,
	`channel` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`local_day` text NOT NULL,
	`answers` text NOT NULL,
	`expectations` text,
	`gender` text,
	`age_band` text,
	`ethnicity` text,
	`education` text,
	`occupation` text,
	`comment` text,
	`comment_has_pii` integer DEFAULT false NOT NULL,
	`content_hash` text NOT NULL,
	`token_id` text,
	`dossier_hash` text,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_form_valid" CHECK("responses"."form" IN ('full', 'quick')),
	CONSTRAINT "responses_channel_valid" CHECK("responses"."channel" IN ('qr', 'kiosk', 'link')),
	CONSTRAINT "responses_day_format" CHECK("responses"."local_day" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "responses_answers_json" CHECK(json_valid("responses"."answers") AND json_type("responses"."answers") = 'object'),
	CONSTRAINT "responses_comment_length" CHECK("responses"."comment" IS NULL OR length("responses"."comment") <= 2000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_token_unique` ON `responses` (`token_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `responses_dossier_unique` ON `responses` (`dossier_hash`);--> statement-breakpoint
CREATE INDEX `responses_day_idx` ON `responses` (`local_day`,`id`);--> statement-breakpoint
CREATE TABLE `rollups` (
	`day` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`item` text NOT NULL,
	`count_1` integer DEFAULT 0 NOT NULL,
	`count_2` integer DEFAULT 0 NOT NULL,
	`count_3` integer DEFAULT 0 NOT NULL,
	`count_4` integer DEFAULT 0 NOT NULL,
	`count_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `point_id`, `service_id`, `item`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rollups_counts_valid" CHECK(min("rollups"."count_1", "rollups"."count_2", "rollups"."count_3", "rollups"."count_4", "rollups"."count_5") >= 0)
);
--> statement-breakpoint
CREATE INDEX `rollups_unit_day_idx` ON `rollups` (`unit_id`,`day`);--> statement-breakpoint
CREATE TABLE `rollups_monthly` (
	`month` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`item` text NOT NULL,
	`count_1` integer DEFAULT 0 NOT NULL,
	`count_2` integer DEFAULT 0 NOT NULL,
	`count_3` integer DEFAULT 0 NOT NULL,
	`count_4` integer DEFAULT 0 NOT NULL,
	`count_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `point_id`, `service_id`, `item`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rollups_monthly_counts_valid" CHECK(min("rollups_monthly"."count_1", "rollups_monthly"."count_2", "rollups_monthly"."count_3", "rollups_monthly"."count_4", "rollups_monthly"."count_5") >= 0)
);
--> statement-breakpoint
CREATE INDEX `rollups_monthly_unit_month_idx` ON `rollups_monthly` (`unit_id`,`month`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`field` text,
	`local_code` text,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "services_code_format" CHECK("services"."code" GLOB '[0-9].[0-9][0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "services_name_present" CHECK(length(trim("services"."name")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_code_unique` ON `services` (`code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `unit_services` (
	`unit_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `service_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_services_service_idx` ON `unit_services` (`service_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "units_code_format" CHECK(length("units"."code") BETWEEN 1 AND 35 AND "units"."code" NOT GLOB '*[^0-9A-Z.]*'),
	CONSTRAINT "units_name_present" CHECK(length(trim("units"."name")) > 0),
	CONSTRAINT "units_not_own_parent" CHECK("units"."parent_id" IS NULL OR "units"."parent_id" <> "units"."id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_path_idx` ON `units` (`path`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_valid" CHECK("users"."role" IN ('admin', 'analyst', 'staff')),
	CONSTRAINT "users_username_format" CHECK(length("users"."username") BETWEEN 2 AND 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);