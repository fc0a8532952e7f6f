// Headers of a file download. Reports are personal to the caller's scope: never cached by anyone.

/**
 * A Content-Disposition value that every browser reads: an ASCII `filename` (anything else replaced by "_")
 * and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The headers of a download of the given type and name. */
export function downloadHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    "content-type": contentType,
    "content-disposition": contentDisposition(filename),
    "cache-control": "no-store",
  };
}

/** A file name from its parts, e.g. sipas_2026-01-01_2026-06-30_unit.csv; "," in a grouping becomes "-". */
export function downloadName(parts: ReadonlyArray<string | undefined>, extension: string): string {
  const name = parts
    .filter((part): part is string => part !== undefined && part !== "")
    .map((part) => part.replace(/,/g, "-"))
    .join("_");
  return `${name}.${extension}`;
}
