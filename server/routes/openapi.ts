import { Hono } from "hono";
import type { AppEnv } from "../deps.js";
import type { OpenApiDocument } from "../openapi/document.js";

// The API description: the OpenAPI 3.1 document for tools, and the same as a plain page for people
// (server-rendered HTML, no script, nothing from another site).

let cached: { url: string; document: OpenApiDocument; page: string } | undefined;

function described(describeApi: (publicUrl: string) => OpenApiDocument, publicUrl: string) {
  if (cached?.url !== publicUrl) {
    const document = describeApi(publicUrl);
    cached = { url: publicUrl, document, page: renderPage(document) };
  }
  return cached;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type Operation = {
  tags: string[];
  summary: string;
  description: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { description?: string; content: Record<string, { schema?: unknown }> };
  responses: Record<string, unknown>;
};

function renderPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      const op = value as Operation;
      const params = op.parameters
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> <span class="muted">(${p.in}${p.required ? ", required" : ""})</span> <code class="schema">${escapeHtml(JSON.stringify(p.schema))}</code></li>`,
        )
        .join("");
      const body = op.requestBody
        ? Object.entries(op.requestBody.content)
            .map(
              ([type, media]) =>
                `<p>Body <code>${escapeHtml(type)}</code>${op.requestBody?.description ? `: ${escapeHtml(op.requestBody.description)}` : ""}</p>${media.schema ? `<pre>${escapeHtml(JSON.stringify(media.schema, null, 2))}</pre>` : ""}`,
            )
            .join("")
        : "";
      const html = `<article id="${escapeHtml(`${method}-${path}`)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3><p>${escapeHtml(op.summary)}. <span class="muted">${escapeHtml(op.description)}</span></p>${params ? `<ul>${params}</ul>` : ""}${body}<p class="muted">Answers: ${Object.keys(op.responses).join(", ")}</p></article>`;
      const tag = op.tags[0] ?? "";
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag]
    .map(
      ([tag, ops]) => `<section><h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join("")}</section>`,
    )
    .join("");
  const toc = [...byTag.keys()]
    .map((tag) => `<li><a href="#${escapeHtml(tag)}">${escapeHtml(tag)}</a></li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>hailong API</title><style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:.875rem}pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;max-height:20rem}
article{border-top:1px solid #ddd;padding:.5rem 0}h3{font-size:1rem;overflow-wrap:anywhere}.muted{color:#555}
.schema{overflow-wrap:anywhere}.method{display:inline-block;min-width:4rem;padding:0 .25rem;border-radius:.25rem;background:#e6eefc;color:#123c8c}
.post,.put,.patch{background:#e5f5e8;color:#14521f}.delete{background:#fde8e8;color:#8c1212}
</style></head><body><h1>hailong API</h1><p>${escapeHtml(document.info.description)}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${document.openapi}). Errors: <code>{ "error": { "code", "message", "issues"? } }</code>, codes: ${document.components.schemas.ErrorCode.enum.map((c) => `<code>${c}</code>`).join(", ")}.</p><nav><ul>${toc}</ul></nav>${sections}</body></html>`;
}

// A build without the describer (Workers) has no API description: both addresses are not found there.
export const openApiRoutes = new Hono<AppEnv>()
  .get("/api/v1/openapi.json", (c) => {
    const { describeApi, config } = c.var.deps;
    return describeApi ? c.json(described(describeApi, config.publicUrl).document) : c.notFound();
  })
  .get("/api/v1/docs", (c) => {
    const { describeApi, config } = c.var.deps;
    return describeApi ? c.html(described(describeApi, config.publicUrl).page) : c.notFound();
  });
