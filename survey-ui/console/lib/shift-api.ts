import type { PointShift } from "../../../shared/contract/shifts.js";
import { get, post, remove } from "./api.js";

// Shifts as the console calls them (server/routes/shifts.ts): who holds which counter, take one, end it.

export type OpenShift = {
  point: string;
  label: string;
  unit: string;
  mine: boolean;
  username: string;
  name: string;
  startedAt: string;
  endsAt: string;
};

const path = (code: string) => `/points/${encodeURIComponent(code)}/shift`;

/** The open shifts at the counters of my scope, and the minimum sample for an officer's figures. */
export const listShifts = () => get<{ minResponses: number; shifts: OpenShift[] }>("/shifts");
/** Takes a counter for my shift; `name` (optional) is what citizens and reports see. */
export const takeCounter = (code: string, name: string) =>
  post<PointShift>(path(code), name.trim() ? { name: name.trim() } : {});
/** Ends the shift at a counter. */
export const endShift = (code: string) => remove<PointShift>(path(code));
