import type * as z from "zod";
import type {
  pointCreateSchema,
  pointPatchSchema,
  Role,
  serviceCreateSchema,
  servicePatchSchema,
  unitCreateSchema,
  unitPatchSchema,
  userCreateSchema,
  userPatchSchema,
} from "../../../shared/contract/catalogue.js";
import type { ErrorIssue } from "../../../shared/contract/errors.js";
import { get, patch, post, postCsv, postFile, put, queryString, remove } from "./api.js";

// The catalogue and access API as the console calls it (DESIGN.md §3, server/routes/*.ts). Request bodies
// are typed by the shared zod schemas the server validates with; answers by the routes' JSON shapes.

export type Me = { username: string; role: Role; unit: string | null };
export type Unit = {
  code: string;
  name: string;
  nameZh?: string | null;
  nameEn?: string | null;
  parent: string | null;
  archivedAt: number | null;
};
type UnitDetail = {
  unit: Unit;
  children: { code: string; name: string; archivedAt: number | null }[];
  services: { code: string; name: string }[];
};
export type Service = {
  code: string;
  name: string;
  nameZh?: string | null;
  nameEn?: string | null;
  field: string | null;
  localCode: string | null;
  archivedAt: number | null;
  units: string[];
};
export type Point = {
  code: string;
  label: string;
  labelZh?: string | null;
  labelEn?: string | null;
  kioskUrl?: string;
  unit: { code: string; name: string };
  service: { code: string; name: string } | null;
  form: "full" | "quick";
  tokenRequired: boolean;
  /** Ratings a day from one network address; null: the deployment's limit. */
  dailyLimit: number | null;
  /** The survey page names the officer on duty (issue 16). */
  showOfficer: boolean;
  archived: boolean;
  surveyUrl: string;
  createdAt: string;
};
export type User = {
  username: string;
  role: Role;
  unit: string | null;
  unitName: string | null;
  disabled: boolean;
  /** Some address has run into the sign-in lock-out for this username. */
  locked?: boolean;
  createdAt: string;
};
export type ApiToken = {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  /** Null for keys made before keys expired. */
  expiresAt?: number | null;
};
export type AuditRow = {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityCode: string | null;
  detail: unknown;
};
export type ImportEntity = "units" | "services" | "points";
export type ImportSummary = {
  created: string[];
  updated: string[];
  dryRun: boolean;
  valid: boolean;
  rows: { row: number; code: string; action: "create" | "update" | "refuse" }[];
  issues: ErrorIssue[];
  file?: {
    format: "csv" | "xlsx";
    encoding?: string;
    delimiter?: string;
    sheet?: string;
    ignoredColumns: string[];
  };
};
/** What an import sends: a file as it is, or text pasted into the page. */
export type ImportSource = { file: File } | { text: string };
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export type IssuedLink = { url: string; token: string; expiresAt: string };
type ArchivableEntity = "units" | "services" | "points";

const path = (value: string) => encodeURIComponent(value);

/** The signed-in user, or an ApiFailure UNAUTHENTICATED. */
export const fetchMe = () => get<{ user: Me }>("/auth/me").then((body) => body.user);
/** Opens a session (HttpOnly cookie). */
export const signIn = (username: string, password: string) =>
  post<{ user: Me }>("/auth/login", { username, password }).then((body) => body.user);
/** Ends the session. */
export const signOut = () => post<{ ok: true }>("/auth/logout");
/** Changes the caller's password; the server ends their other sessions and, unless kept, their API keys. */
export const changePassword = (currentPassword: string, newPassword: string, keepTokens = false) =>
  post<{ ok: true }>("/auth/password", {
    currentPassword,
    newPassword,
    ...(keepTokens ? { keepTokens } : {}),
  });

/** Units in the caller's scope in tree order (parents first). */
export const listUnits = (archived = false) =>
  get<{ units: Unit[] }>(`/units${queryString({ archived: archived ? "true" : undefined })}`).then(
    (body) => body.units,
  );
/** One unit with its direct children and the services it offers. */
export const getUnit = (code: string) => get<UnitDetail>(`/units/${path(code)}`);
export const createUnit = (body: z.input<typeof unitCreateSchema>) => post<Unit>("/units", body);
export const patchUnit = (code: string, body: z.input<typeof unitPatchSchema>) =>
  patch<{ unit: Unit }>(`/units/${path(code)}`, body);
/** Sets exactly which services a unit offers. */
export const setUnitServices = (code: string, services: string[]) =>
  put<{ unit: string; services: string[] }>(`/units/${path(code)}/services`, { services });

export const listServices = (archived = false) =>
  get<{ services: Service[] }>(`/services${queryString({ archived: archived ? "true" : undefined })}`).then(
    (body) => body.services,
  );
export const createService = (body: z.input<typeof serviceCreateSchema>) => post<Service>("/services", body);
export const patchService = (code: string, body: z.input<typeof servicePatchSchema>) =>
  patch<{ service: Service }>(`/services/${path(code)}`, body);

/** A catalogue import (XLSX or CSV); with `dryRun` the server checks every row and saves nothing. */
export function importFile(entity: ImportEntity, source: ImportSource, dryRun: boolean, sheet?: string) {
  const url = `/${entity}/import${queryString({ dryRun: dryRun ? "true" : undefined, sheet: sheet || undefined })}`;
  if ("text" in source) return postCsv<ImportSummary>(url, source.text);
  const xlsx = /\.xlsx$/i.test(source.file.name) || source.file.type === XLSX_TYPE;
  return postFile<ImportSummary>(url, source.file, xlsx ? XLSX_TYPE : "text/csv");
}
/** The address of an import's template. */
export const importTemplateUrl = (entity: ImportEntity, format: "xlsx" | "csv", lang: string) =>
  `/api/v1/${entity}/import/template${queryString({ format, headers: lang === "vi" ? "vi" : "code" })}`;
/** One survey point for each service of the unit that has none yet. */
export const createPointPerService = (unit: string) =>
  post<{ unit: string; created: Point[] }>(`/units/${path(unit)}/points/per-service`);

/** Archives (or restores) a unit, service or point; archived things keep their code and history. */
export const setArchived = (entity: ArchivableEntity, code: string, archived: boolean) =>
  post<{ code: string; archived: boolean }>(`/${entity}/${path(code)}/${archived ? "archive" : "restore"}`);

export const listPoints = (unit?: string, archived = false) =>
  get<{ points: Point[] }>(`/points${queryString({ unit, archived: archived ? "true" : undefined })}`).then(
    (body) => body.points,
  );
export const createPoint = (body: z.input<typeof pointCreateSchema>) => post<Point>("/points", body);
export const patchPoint = (code: string, body: z.input<typeof pointPatchSchema>) =>
  patch<Point>(`/points/${path(code)}`, body);
/** One-time survey links for a point, shown once (the tokens are not stored). */
export const issueLinks = (code: string, body: { dossier?: string; count?: number }) =>
  post<{ links: IssuedLink[] }>(`/points/${path(code)}/links`, body).then((answer) => answer.links);

export const listUsers = () => get<{ users: User[] }>("/users").then((body) => body.users);
export const createUser = (body: z.input<typeof userCreateSchema>) => post<{ user: User }>("/users", body);
export const patchUser = (username: string, body: z.input<typeof userPatchSchema>) =>
  patch<{ user: User }>(`/users/${path(username)}`, body);
/** Lifts a user's sign-in lock-out from every address. */
export const unlockUser = (username: string) => post<{ user: User }>(`/users/${path(username)}/unlock`);

export const listTokens = () => get<{ tokens: ApiToken[] }>("/tokens").then((body) => body.tokens);
/** A new API token that stops working after `expiresInDays`; its secret is in this answer only. */
export const createToken = (name: string, expiresInDays: number) =>
  post<{ id: string; token: string; expiresAt: number }>("/tokens", { name, expiresInDays });
export const revokeToken = (id: string) => remove<{ ok: true }>(`/tokens/${path(id)}`);
/** Revokes every live API token of the caller. */
export const revokeAllTokens = () => remove<{ revoked: number }>("/tokens");

/** Audit entries, newest first; `before` (an entry id) pages backwards. */
export const listAudit = (before?: number) =>
  get<{ entries: AuditRow[] }>(`/audit${queryString({ limit: 100, before })}`).then((body) => body.entries);
