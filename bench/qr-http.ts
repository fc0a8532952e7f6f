import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChildServer } from "./lib/child-server.js";
import { measureHttpFloors } from "./lib/floors.js";
import { hasWrk, runWrk, type WrkResult } from "./lib/wrk.js";

// Throughput of the staff print paths on the real Node server (server/node.ts, temp-file database), each
// beside a floor measured in the same run: Hono's hello world, and the app's own GET /healthz and
// GET /api/v1/auth/me (what every public and every signed-in request of the app costs before its route).
// QR images: SVG, PNG at 512 and 2048 px, and a cache revalidation (304); a poster page; link issuing.

const SECONDS = 5;
console.log("## QR images, posters and one-time links over HTTP\n");
console.log(
  "Command: `npx tsx bench/qr-http.ts` (wrk -t1 -c32, 5 s per row; server and wrk share this machine).\n",
);
if (!hasWrk()) {
  console.log("Skipped: install wrk (`apt-get install -y wrk`).");
  process.exit(0);
}

const floors = await measureHttpFloors(SECONDS);
const dir = mkdtempSync(join(tmpdir(), "hailong-bench-qr-"));
const server = await startChildServer("server/node.ts", {
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  PUBLIC_URL: "https://hailong.example.gov.vn",
  HAILONG_ADMIN_PASSWORD: "bench-admin-password",
  HAILONG_RATE_LIMIT: "0",
});

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> },
) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { res, json: (await res.json()) as Record<string, unknown> };
}

const rows: string[] = [];
const row = (what: string, result: WrkResult, floorName: string, floor: WrkResult) => {
  const failures = result.errors + result.non2xx;
  rows.push(
    `| ${what} | ${Math.round(result.requestsPerSecond).toLocaleString("en")} req/s, p99 ${result.p99Ms.toFixed(1)} ms${failures ? ` (${failures} failed)` : ""} | ${floorName}: ${Math.round(floor.requestsPerSecond).toLocaleString("en")} req/s | ${(result.requestsPerSecond / floor.requestsPerSecond).toFixed(2)} |`,
  );
};

try {
  const login = await call("/api/v1/auth/login", {
    method: "POST",
    body: { username: "admin", password: "bench-admin-password" },
  });
  const cookie = login.res.headers.get("set-cookie")!.split(";")[0]!;
  const asAdmin = { cookie };
  await call("/api/v1/units", {
    method: "POST",
    body: { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công" },
    headers: asAdmin,
  });
  const point = await call("/api/v1/points", {
    method: "POST",
    body: { unit: "H35.TTHCC", label: "Quầy số 3" },
    headers: asAdmin,
  });
  const code = point.json.code as string;
  const token = (await call("/api/v1/tokens", { method: "POST", body: { name: "bench" }, headers: asAdmin }))
    .json.token as string;
  const bearer = `wrk.headers["Authorization"] = "Bearer ${token}"\n`;
  const etag = (await fetch(`${server.url}/qr/${code}.png?size=512`)).headers.get("etag")!;

  const measure = (path: string, lua = "") => {
    runWrk({ url: `${server.url}${path}`, seconds: 1, lua }); // warm-up
    return runWrk({ url: `${server.url}${path}`, seconds: SECONDS, lua });
  };
  // The app's own floors: the same middleware (request id, access log, secure headers) and one database
  // round trip, which every route here also pays; and an authenticated read (a bearer token is looked up
  // and its last use recorded), which posters and link issuing pay too.
  const health = measure("/healthz");
  const me = measure("/api/v1/auth/me", bearer);
  row("GET /healthz (the app's floor)", health, "Hono hello", floors.hello);
  row("GET /api/v1/auth/me, bearer (the signed-in floor)", me, "Hono hello", floors.hello);
  row("GET /qr/:code.svg", measure(`/qr/${code}.svg`), "GET /healthz", health);
  row("GET /qr/:code.png?size=512", measure(`/qr/${code}.png?size=512`), "GET /healthz", health);
  row("GET /qr/:code.png?size=2048", measure(`/qr/${code}.png?size=2048`), "GET /healthz", health);
  const revalidate = `wrk.headers["If-None-Match"] = ${JSON.stringify(etag)}\n`;
  row(
    "GET /qr/:code.png, If-None-Match → 304",
    measure(`/qr/${code}.png?size=512`, revalidate),
    "GET /healthz",
    health,
  );
  row("GET /posters/:code (A4)", measure(`/posters/${code}`, bearer), "GET /api/v1/auth/me", me);
  row(
    "GET /posters?unit= (1 point, tent)",
    measure("/posters?unit=H35.TTHCC&format=tent", bearer),
    "GET /api/v1/auth/me",
    me,
  );
  const post = (body: string) =>
    `${bearer}wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`;
  row(
    "POST /api/v1/points/:code/links (1 link)",
    measure(`/api/v1/points/${code}/links`, post("{}")),
    "GET /api/v1/auth/me",
    me,
  );
  row(
    "POST /api/v1/points/:code/links (10 links)",
    measure(`/api/v1/points/${code}/links`, post('{"count":10}')),
    "GET /api/v1/auth/me",
    me,
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log("| Request | Figure | Floor | Ratio to floor |\n|---|---|---|---|");
console.log(rows.join("\n"));
