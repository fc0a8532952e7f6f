import { api, get, post, put, queryString } from "./api.js";

// The console's calls for issue 18: paper entry, imports and served counts.

export type EnteredForm = {
  id: string;
  point: string;
  formNumber: string | null;
  day: string;
  answers: Record<string, number>;
  enteredAt: string;
  correctable: boolean;
};
type EntryBody = { point: string; formNumber: string; day: string; answers: Record<string, number> };

export const enterForm = (body: EntryBody) =>
  post<{ id: string; formNumber: string }>("/responses/entered", body);
export const correctForm = (id: string, body: EntryBody) =>
  put<{ entry: EnteredForm }>(`/responses/entered/${encodeURIComponent(id)}`, body);
export const listEntered = (point: string) =>
  get<{ entries: EnteredForm[] }>(`/responses/entered${queryString({ point })}`).then((body) => body.entries);

export const setServed = (point: string, day: string, count: number) =>
  put<{ count: number }>(`/points/${encodeURIComponent(point)}/served/${day}`, { count });

/** Sends a file's bytes as it is (CSV or XLSX) to an import route. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const type = /\.xlsx$/i.test(file.name)
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : "text/csv";
  return api<T>("POST", path, { file: await file.arrayBuffer(), type });
}

type ImportCheck = { rows: number; dryRun: boolean };
export const importResponses = (file: File, point: string, mapping: unknown, dryRun: boolean) =>
  uploadFile<ImportCheck>(
    `/responses/import${queryString({
      point,
      fileName: file.name,
      mapping: JSON.stringify(mapping),
      dryRun: dryRun ? "true" : undefined,
    })}`,
    file,
  );
export const importServed = (file: File, dryRun: boolean) =>
  uploadFile<ImportCheck>(`/served/import${dryRun ? "?dryRun=true" : ""}`, file);
