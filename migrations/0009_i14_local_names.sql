ALTER TABLE `points` ADD `label_zh` text;--> statement-breakpoint
ALTER TABLE `points` ADD `label_en` text;--> statement-breakpoint
ALTER TABLE `services` ADD `name_zh` text;--> statement-breakpoint
ALTER TABLE `services` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `units` ADD `name_zh` text;--> statement-breakpoint
ALTER TABLE `units` ADD `name_en` text;