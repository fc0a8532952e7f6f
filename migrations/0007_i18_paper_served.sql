CREATE TABLE `response_entries` (
	`response_id` text PRIMARY KEY NOT NULL,
	`point_id` integer NOT NULL,
	`form_number` text,
	`entered_by` integer NOT NULL,
	`import_id` text,
	`corrected_at` integer,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `response_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_entries_form_unique` ON `response_entries` (`point_id`,`form_number`);--> statement-breakpoint
CREATE TABLE `response_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`point_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`rows` integer NOT NULL,
	`imported_by` integer NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_imports_file_unique` ON `response_imports` (`point_id`,`file_hash`);--> statement-breakpoint
CREATE TABLE `served_counts` (
	`point_id` integer NOT NULL,
	`day` text NOT NULL,
	`unit_id` integer NOT NULL,
	`count` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	PRIMARY KEY(`point_id`, `day`),
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "served_counts_count_valid" CHECK("served_counts"."count" >= 0),
	CONSTRAINT "served_counts_day_format" CHECK("served_counts"."day" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `served_counts_unit_day_idx` ON `served_counts` (`unit_id`,`day`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_responses` (
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
	`officer_id` integer,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_form_valid" CHECK("__new_responses"."form" IN ('full', 'quick')),
	CONSTRAINT "responses_channel_valid" CHECK("__new_responses"."channel" IN ('qr', 'kiosk', 'link', 'paper', 'import')),
	CONSTRAINT "responses_day_format" CHECK("__new_responses"."local_day" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "responses_answers_json" CHECK(json_valid("__new_responses"."answers") AND json_type("__new_responses"."answers") = 'object'),
	CONSTRAINT "responses_comment_length" CHECK("__new_responses"."comment" IS NULL OR length("__new_responses"."comment") <= 2000)
);
--> statement-breakpoint
INSERT INTO `__new_responses`("id", "point_id", "unit_id", "service_id", "form", "instrument", "lang", "channel", "submitted_at", "local_day", "answers", "expectations", "gender", "age_band", "ethnicity", "education", "occupation", "comment", "comment_has_pii", "content_hash", "token_id", "dossier_hash", "officer_id") SELECT "id", "point_id", "unit_id", "service_id", "form", "instrument", "lang", "channel", "submitted_at", "local_day", "answers", "expectations", "gender", "age_band", "ethnicity", "education", "occupation", "comment", "comment_has_pii", "content_hash", "token_id", "dossier_hash", "officer_id" FROM `responses`;--> statement-breakpoint
DROP TABLE `responses`;--> statement-breakpoint
ALTER TABLE `__new_responses` RENAME TO `responses`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `responses_token_unique` ON `responses` (`token_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `responses_dossier_unique` ON `responses` (`dossier_hash`);--> statement-breakpoint
CREATE INDEX `responses_day_idx` ON `responses` (`local_day`,`id`);--> statement-breakpoint
CREATE INDEX `responses_comment_day_idx` ON `responses` (`local_day`,`id`) WHERE comment IS NOT NULL;--> statement-breakpoint
ALTER TABLE `points` ADD `paper_forms_issued` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `channel` text DEFAULT 'qr' NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups_monthly` ADD `channel` text DEFAULT 'qr' NOT NULL;