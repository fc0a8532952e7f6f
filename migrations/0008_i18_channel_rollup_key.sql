PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_rollups` (
	`day` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`officer_id` integer DEFAULT 0 NOT NULL,
	`channel` text DEFAULT 'qr' NOT NULL,
	`item` text NOT NULL,
	`count_1` integer DEFAULT 0 NOT NULL,
	`count_2` integer DEFAULT 0 NOT NULL,
	`count_3` integer DEFAULT 0 NOT NULL,
	`count_4` integer DEFAULT 0 NOT NULL,
	`count_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `point_id`, `service_id`, `channel`, `officer_id`, `item`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rollups_counts_valid" CHECK(min("__new_rollups"."count_1", "__new_rollups"."count_2", "__new_rollups"."count_3", "__new_rollups"."count_4", "__new_rollups"."count_5") >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_rollups`("day", "unit_id", "point_id", "service_id", "officer_id", "channel", "item", "count_1", "count_2", "count_3", "count_4", "count_5") SELECT "day", "unit_id", "point_id", "service_id", "officer_id", "channel", "item", "count_1", "count_2", "count_3", "count_4", "count_5" FROM `rollups`;--> statement-breakpoint
DROP TABLE `rollups`;--> statement-breakpoint
ALTER TABLE `__new_rollups` RENAME TO `rollups`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `rollups_unit_day_idx` ON `rollups` (`unit_id`,`day`);--> statement-breakpoint
CREATE TABLE `__new_rollups_monthly` (
	`month` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`officer_id` integer DEFAULT 0 NOT NULL,
	`channel` text DEFAULT 'qr' NOT NULL,
	`item` text NOT NULL,
	`count_1` integer DEFAULT 0 NOT NULL,
	`count_2` integer DEFAULT 0 NOT NULL,
	`count_3` integer DEFAULT 0 NOT NULL,
	`count_4` integer DEFAULT 0 NOT NULL,
	`count_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `point_id`, `service_id`, `channel`, `officer_id`, `item`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rollups_monthly_counts_valid" CHECK(min("__new_rollups_monthly"."count_1", "__new_rollups_monthly"."count_2", "__new_rollups_monthly"."count_3", "__new_rollups_monthly"."count_4", "__new_rollups_monthly"."count_5") >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_rollups_monthly`("month", "unit_id", "point_id", "service_id", "officer_id", "channel", "item", "count_1", "count_2", "count_3", "count_4", "count_5") SELECT "month", "unit_id", "point_id", "service_id", "officer_id", "channel", "item", "count_1", "count_2", "count_3", "count_4", "count_5" FROM `rollups_monthly`;--> statement-breakpoint
DROP TABLE `rollups_monthly`;--> statement-breakpoint
ALTER TABLE `__new_rollups_monthly` RENAME TO `rollups_monthly`;--> statement-breakpoint
CREATE INDEX `rollups_monthly_unit_month_idx` ON `rollups_monthly` (`unit_id`,`month`);