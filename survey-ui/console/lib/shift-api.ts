import type { PointShift } from "../../../shared/contract/shifts.js";
import { api, get, post } from "./api.js";

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
/**
 * Ends the shift at a counter. Sent with an empty JSON body: chromium's body-less DELETE reaches the Node
 * server with neither Content-Length nor a null body, and the API's media-type check would refuse it.
 */
export const endShift = (code: string) => api<PointShift>("DELETE", path(code), { json: {} });
