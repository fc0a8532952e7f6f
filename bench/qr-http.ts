import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChildServer } from "./lib/child-server.js";
import { hasWrk, runWrk, type WrkResult } from "./lib/wrk.js";

// Throughput of the staff print paths on the real Node server (server/node.ts, temp-file database), each
// beside a floor: Hono's hello world (its own process), and the app's own GET /healthz and
// GET /api/v1/auth/me (what every public and every signed-in request of the app costs before its route).
// Figure and floor are measured in alternation, twice each, and the best run of each is kept: on a shared
// machine other load only ever slows a run down.

const SECONDS = 3;
console.log("## QR images, posters and one-time links over HTTP\n");
console.log(
  `Command: \`npx tsx bench/qr-http.ts\` (wrk -t1 -c32, best of 2 × ${SECONDS} s per figure and per floor, alternated; server and wrk share this machine).\n`,
);
if (!hasWrk()) {
  console.log("Skipped: install wrk (`apt-get install -y wrk`).");
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "hailong-bench-qr-"));
const hello = await startChildServer("bench/fixtures/hello-server.ts");
const server = await startChildServer("server/node.ts", {
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  PUBLIC_URL: "https://hailong.example.gov.vn",
  HAILONG_ADMIN_PASSWORD: "bench-admin-password",
  HAILONG_RATE_LIMIT: "0",
});

async function call(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { res, json: (await res.json()) as Record<string, unknown> };
}

type Target = { name: string; url: string; lua?: string };

const best = (a: WrkResult | undefined, b: WrkResult) =>
  a && a.requestsPerSecond >= b.requestsPerSecond ? a : b;

/** The best of two runs of a figure and of its floor, alternated. */
function compare(figure: Target, floor: Target): [WrkResult, WrkResult] {
  runWrk({ url: figure.url, lua: figure.lua, seconds: 1 }); // warm-up
  let f: WrkResult | undefined;
  let g: WrkResult | undefined;
  for (let round = 0; round < 2; round++) {
    f = best(f, runWrk({ url: figure.url, lua: figure.lua, seconds: SECONDS }));
    g = best(g, runWrk({ url: floor.url, lua: floor.lua, seconds: SECONDS }));
  }
  return [f!, g!];
}

const rows: string[] = [];
function row(figure: Target, floor: Target) {
  const [result, base] = compare(figure, floor);
  const failures = result.errors + result.non2xx;
  const rps = (r: WrkResult) => Math.round(r.requestsPerSecond).toLocaleString("en");
  rows.push(
    `| ${figure.name} | ${rps(result)} req/s, p99 ${result.p99Ms.toFixed(1)} ms${failures ? ` (${failures} failed)` : ""} | ${floor.name}: ${rps(base)} req/s | ${(result.requestsPerSecond / base.requestsPerSecond).toFixed(2)} |`,
  );
}

try {
  const login = await call("/api/v1/auth/login", { username: "admin", password: "bench-admin-password" });
  const asAdmin = { cookie: login.res.headers.get("set-cookie")!.split(";")[0]! };
  await call("/api/v1/units", { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công" }, asAdmin);
  const code = (await call("/api/v1/points", { unit: "H35.TTHCC", label: "Quầy số 3" }, asAdmin)).json
    .code as string;
  const token = (await call("/api/v1/tokens", { name: "bench" }, asAdmin)).json.token as string;
  const bearer = `wrk.headers["Authorization"] = "Bearer ${token}"\n`;
  const etag = (await fetch(`${server.url}/qr/${code}.png?size=512`)).headers.get("etag")!;
  const post = (body: string) =>
    `${bearer}wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`;

  const on = (name: string, path: string, lua?: string): Target => ({
    name,
    url: `${server.url}${path}`,
    lua,
  });
  const helloWorld: Target = { name: "Hono hello", url: hello.url };
  const health = on("GET /healthz", "/healthz");
  const me = on("GET /api/v1/auth/me", "/api/v1/auth/me", bearer);

  row({ ...health, name: "GET /healthz (the app's public floor)" }, helloWorld);
  row({ ...me, name: "GET /api/v1/auth/me, bearer (the app's signed-in floor)" }, helloWorld);
  row(on("GET /qr/:code.svg", `/qr/${code}.svg`), health);
  row(on("GET /qr/:code.png?size=512", `/qr/${code}.png?size=512`), health);
  row(on("GET /qr/:code.png?size=2048", `/qr/${code}.png?size=2048`), health);
  row(
    on(
      "GET /qr/:code.png, If-None-Match → 304",
      `/qr/${code}.png?size=512`,
      `wrk.headers["If-None-Match"] = ${JSON.stringify(etag)}\n`,
    ),
    health,
  );
  row(on("GET /posters/:code (A4)", `/posters/${code}`, bearer), me);
  row(on("GET /posters?unit= (1 point, tent)", "/posters?unit=H35.TTHCC&format=tent", bearer), me);
  row(on("POST /api/v1/points/:code/links (1 link)", `/api/v1/points/${code}/links`, post("{}")), me);
  row(
    on("POST /api/v1/points/:code/links (10 links)", `/api/v1/points/${code}/links`, post('{"count":10}')),
    me,
  );
} finally {
  await server.stop();
  await hello.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log("| Request | Figure | Floor | Ratio to floor |\n|---|---|---|---|");
console.log(rows.join("\n"));
console.log(
  "\nQR images are rendered once per ETag and then served from a bounded in-memory cache (256 images), so the PNG and SVG rows measure the cached path after the first request; `bench/qr-render.ts` has the rendering costs.",
);
