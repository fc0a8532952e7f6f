CREATE TABLE `shifts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`point_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`ended_at` integer,
	`ended_by` integer,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shifts_ends_after_start" CHECK("shifts"."ends_at" > "shifts"."started_at")
);
--> statement-breakpoint
CREATE INDEX `shifts_point_idx` ON `shifts` (`point_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `shifts_user_idx` ON `shifts` (`user_id`,`started_at`);--> statement-breakpoint
ALTER TABLE `points` ADD `show_officer` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `officer_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `rollups` ADD `officer_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups_monthly` ADD `officer_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `display_name` text;