CREATE TABLE `rollups_unit_daily` (
	`day` text NOT NULL,
	`item` text NOT NULL,
	`unit_id` integer NOT NULL,
	`officer_id` integer DEFAULT 0 NOT NULL,
	`count_1` integer DEFAULT 0 NOT NULL,
	`count_2` integer DEFAULT 0 NOT NULL,
	`count_3` integer DEFAULT 0 NOT NULL,
	`count_4` integer DEFAULT 0 NOT NULL,
	`count_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `item`, `unit_id`, `officer_id`)
) WITHOUT ROWID;--> statement-breakpoint
-- Written by hand below (drizzle-kit knows neither WITHOUT ROWID nor triggers): the rows the daily rollups
-- already hold, then triggers that keep rollups_unit_daily equal to their sums in the same transaction.
-- Expectations (E1…) are left out: no report groups them, and each would cost every submission a write.
INSERT INTO `rollups_unit_daily` (`day`, `item`, `unit_id`, `officer_id`, `count_1`, `count_2`, `count_3`, `count_4`, `count_5`)
	SELECT `day`, `item`, `unit_id`, `officer_id`, sum(`count_1`), sum(`count_2`), sum(`count_3`), sum(`count_4`), sum(`count_5`)
	FROM `rollups` WHERE `item` NOT GLOB 'E[0-9]*' GROUP BY `day`, `item`, `unit_id`, `officer_id`;--> statement-breakpoint
CREATE TRIGGER `rollups_unit_daily_insert` AFTER INSERT ON `rollups` WHEN NEW.`item` NOT GLOB 'E[0-9]*' BEGIN
	INSERT INTO `rollups_unit_daily` (`day`, `item`, `unit_id`, `officer_id`, `count_1`, `count_2`, `count_3`, `count_4`, `count_5`)
		VALUES (NEW.`day`, NEW.`item`, NEW.`unit_id`, NEW.`officer_id`, NEW.`count_1`, NEW.`count_2`, NEW.`count_3`, NEW.`count_4`, NEW.`count_5`)
		ON CONFLICT (`day`, `item`, `unit_id`, `officer_id`) DO UPDATE SET
			`count_1` = `count_1` + excluded.`count_1`, `count_2` = `count_2` + excluded.`count_2`,
			`count_3` = `count_3` + excluded.`count_3`, `count_4` = `count_4` + excluded.`count_4`,
			`count_5` = `count_5` + excluded.`count_5`;
END;--> statement-breakpoint
-- The usual update (an upsert adding a response, a correction taking one out): the counts change, the key stays.
CREATE TRIGGER `rollups_unit_daily_update` AFTER UPDATE ON `rollups`
	WHEN NEW.`item` NOT GLOB 'E[0-9]*' AND OLD.`day` = NEW.`day` AND OLD.`item` = NEW.`item` AND OLD.`unit_id` = NEW.`unit_id` AND OLD.`officer_id` = NEW.`officer_id`
BEGIN
	UPDATE `rollups_unit_daily` SET
		`count_1` = `count_1` + NEW.`count_1` - OLD.`count_1`, `count_2` = `count_2` + NEW.`count_2` - OLD.`count_2`,
		`count_3` = `count_3` + NEW.`count_3` - OLD.`count_3`, `count_4` = `count_4` + NEW.`count_4` - OLD.`count_4`,
		`count_5` = `count_5` + NEW.`count_5` - OLD.`count_5`
	WHERE `day` = NEW.`day` AND `item` = NEW.`item` AND `unit_id` = NEW.`unit_id` AND `officer_id` = NEW.`officer_id`;
END;--> statement-breakpoint
-- Any other update moves the row's counts from its old key to its new one.
CREATE TRIGGER `rollups_unit_daily_rekey` AFTER UPDATE ON `rollups`
	WHEN OLD.`day` <> NEW.`day` OR OLD.`item` <> NEW.`item` OR OLD.`unit_id` <> NEW.`unit_id` OR OLD.`officer_id` <> NEW.`officer_id`
BEGIN
	UPDATE `rollups_unit_daily` SET
		`count_1` = `count_1` - OLD.`count_1`, `count_2` = `count_2` - OLD.`count_2`, `count_3` = `count_3` - OLD.`count_3`,
		`count_4` = `count_4` - OLD.`count_4`, `count_5` = `count_5` - OLD.`count_5`
	WHERE `day` = OLD.`day` AND `item` = OLD.`item` AND `unit_id` = OLD.`unit_id` AND `officer_id` = OLD.`officer_id`;
	INSERT INTO `rollups_unit_daily` (`day`, `item`, `unit_id`, `officer_id`, `count_1`, `count_2`, `count_3`, `count_4`, `count_5`)
		SELECT NEW.`day`, NEW.`item`, NEW.`unit_id`, NEW.`officer_id`, NEW.`count_1`, NEW.`count_2`, NEW.`count_3`, NEW.`count_4`, NEW.`count_5`
		WHERE NEW.`item` NOT GLOB 'E[0-9]*'
		ON CONFLICT (`day`, `item`, `unit_id`, `officer_id`) DO UPDATE SET
			`count_1` = `count_1` + excluded.`count_1`, `count_2` = `count_2` + excluded.`count_2`,
			`count_3` = `count_3` + excluded.`count_3`, `count_4` = `count_4` + excluded.`count_4`,
			`count_5` = `count_5` + excluded.`count_5`;
END;--> statement-breakpoint
CREATE TRIGGER `rollups_unit_daily_delete` AFTER DELETE ON `rollups` WHEN OLD.`item` NOT GLOB 'E[0-9]*' BEGIN
	UPDATE `rollups_unit_daily` SET
		`count_1` = `count_1` - OLD.`count_1`, `count_2` = `count_2` - OLD.`count_2`, `count_3` = `count_3` - OLD.`count_3`,
		`count_4` = `count_4` - OLD.`count_4`, `count_5` = `count_5` - OLD.`count_5`
	WHERE `day` = OLD.`day` AND `item` = OLD.`item` AND `unit_id` = OLD.`unit_id` AND `officer_id` = OLD.`officer_id`;
END;
