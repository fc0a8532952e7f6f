import { dayNumber } from "../../shared/time/local-day.js";
import type { DemoResponse } from "./responses.js";

// Demo officers (staff users) and who was on duty when a demo response came in. The choice is a pure
// function of the response (its point, day, hour and id), so it draws nothing from the random stream:
// a given --seed gives the same responses as before officers existed, and the same officers every time.

export type DemoOfficer = { username: string; name: string; unit: string; points: string[] };

const TTHCC = "000.00.90.H35";

export const DEMO_OFFICERS: DemoOfficer[] = [
  { username: "cb.lan", name: "Nguyễn Thị Lan", unit: TTHCC, points: ["TTQ2KA", "TTQ3KB"] },
  { username: "cb.hung", name: "Trần Văn Hùng", unit: TTHCC, points: ["TTQ2KA", "TTQ3KB"] },
  { username: "cb.mai", name: "Hoàng Thị Mai", unit: TTHCC, points: ["TTQ4KC", "TTQ5KD"] },
  { username: "cb.tuan", name: "Lê Minh Tuấn", unit: TTHCC, points: ["TTQ4KC", "TTQ5KD", "TTQ6KE"] },
  { username: "cb.ha", name: "Phạm Thu Hà", unit: TTHCC, points: ["TTQ6KE"] },
  { username: "cb.son", name: "Vũ Đức Sơn", unit: "000.17.03.H35", points: ["STPHC7"] },
  { username: "cb.linh", name: "Đặng Khánh Linh", unit: "000.21.01.H35", points: ["SNVKS9", "SNVHS2"] },
];

const HOUR_MS = 3_600_000;

/**
 * The username of the demo officer who served a response, or null: morning and afternoon shifts rotate
 * among a counter's officers day by day, and about one response in seven comes while nobody holds the
 * counter (the kiosk in the hall has no officer).
 */
export function demoOfficerOf(response: DemoResponse): string | null {
  const roster = DEMO_OFFICERS.filter((officer) => officer.points.includes(response.point.code));
  if (roster.length === 0) return null;
  // The response id is random hex: its last two digits spread evenly over 0–255.
  if (Number.parseInt(response.id.slice(-2), 16) % 7 === 0) return null;
  // Hanoi hour (UTC+7): before noon is the morning shift.
  const afternoon = Math.floor((response.submittedAt + 7 * HOUR_MS) / HOUR_MS) % 24 >= 12 ? 1 : 0;
  const slot = dayNumber(response.localDay) * 2 + afternoon;
  return (roster[slot % roster.length] as DemoOfficer).username;
}
