import type { CaseStatus, FollowThroughRow } from "../../../shared/contract/cases.js";
import { get, patch, queryString } from "./api.js";

// The console's calls to /api/v1/cases and /api/v1/reports/cases (issue 17).

type CaseItem = {
  ref: string;
  status: CaseStatus;
  overdue: boolean;
  openedAt: string;
  dueAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  unit: { code: string; name: string };
  point: { code: string; label: string };
  service: { code: string; name: string } | null;
};

type CaseDetail = CaseItem & {
  reply: string | null;
  note: string | null;
  response: { submittedAt: string; answers: Record<string, number>; comment: string | null };
};

export type CaseView = {
  case: CaseDetail;
  contact: { kind: "phone" | "email"; masked: string; value?: string } | null;
  contactAccess: "allowed" | "deleted" | "hidden";
};

export const listCases = (filters: { status?: string; unit?: string; overdue?: string; before?: number }) =>
  get<{ cases: CaseItem[]; next: number | null; counts: { open: number; overdue: number } }>(
    `/cases${queryString(filters)}`,
  );

export const getCase = (ref: string, showContact = false) =>
  get<CaseView>(`/cases/${ref}${showContact ? "?show=contact" : ""}`);

export const updateCase = (ref: string, body: { status?: string; reply?: string; note?: string }) =>
  patch<{ case: CaseDetail }>(`/cases/${ref}`, body);

export const caseFigures = (query: { from: string; to: string; unit?: string | undefined }) =>
  get<{ rows: FollowThroughRow[] }>(`/reports/cases${queryString({ ...query, by: "total" })}`);
