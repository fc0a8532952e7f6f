import { measureHttpFloors, measureSqliteFloors } from "./lib/floors.js";
import { hasWrk } from "./lib/wrk.js";

// The floors every other figure is compared with, measured on this machine in this run.
const sqlite = measureSqliteFloors();
console.log("## Floors\n");
console.log("| Floor | Figure |\n|---|---|");
if (hasWrk()) {
  const http = await measureHttpFloors();
  console.log(
    `| Hono hello world (@hono/node-server, wrk -c32, 5 s) | ${Math.round(http.hello.requestsPerSecond).toLocaleString("en")} req/s, p99 ${http.hello.p99Ms.toFixed(1)} ms |`,
  );
  console.log(
    `| Static HTML page (Hono, same server) | ${Math.round(http.page.requestsPerSecond).toLocaleString("en")} req/s |`,
  );
} else {
  console.log("| HTTP floors | skipped: install wrk (`apt-get install -y wrk`) |");
}
console.log(
  `| SQLite insert (native libsql, prepared, one transaction) | ${Math.round(sqlite.insertPerSecond).toLocaleString("en")} rows/s |`,
);
console.log(
  `| SQLite scan (native libsql, raw iterator) | ${Math.round(sqlite.scanPerSecond).toLocaleString("en")} rows/s |`,
);
