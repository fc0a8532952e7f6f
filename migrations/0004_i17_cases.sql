CREATE TABLE `case_contacts` (
	`case_ref` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`contact` text NOT NULL,
	`consent_at` integer NOT NULL,
	FOREIGN KEY (`case_ref`) REFERENCES `cases`(`ref`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "case_contacts_kind_valid" CHECK("case_contacts"."kind" IN ('phone', 'email'))
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`ref` text PRIMARY KEY NOT NULL,
	`response_id` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`service_id` integer,
	`lang` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`opened_at` integer NOT NULL,
	`opened_day` text NOT NULL,
	`due_at` integer NOT NULL,
	`answered_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	`reply` text,
	`note` text,
	`overdue_alerted_at` integer,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cases_status_valid" CHECK("cases"."status" IN ('received', 'in_progress', 'answered', 'closed')),
	CONSTRAINT "cases_reply_length" CHECK("cases"."reply" IS NULL OR length("cases"."reply") <= 4000),
	CONSTRAINT "cases_note_length" CHECK("cases"."note" IS NULL OR length("cases"."note") <= 4000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_response_unique` ON `cases` (`response_id`);--> statement-breakpoint
CREATE INDEX `cases_unit_status_idx` ON `cases` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `cases_opened_day_idx` ON `cases` (`opened_day`);--> statement-breakpoint
CREATE INDEX `cases_status_due_idx` ON `cases` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `webhook_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`delivered_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_outbox_key_unique` ON `webhook_outbox` (`key`);--> statement-breakpoint
CREATE INDEX `webhook_outbox_due_idx` ON `webhook_outbox` (`delivered_at`,`next_attempt_at`);