ALTER TABLE `units` ADD `public_results` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_comment_day_idx` ON `responses` (`local_day`,`id`) WHERE comment IS NOT NULL;