import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppDeps, AppEnv } from "./deps.js";
import { ApiError, errorBody, handleError } from "./errors.js";
import { htmlErrorPages } from "./lib/html-error-pages.js";
import { hstsOverHttps } from "./lib/https.js";
import { auditRoutes } from "./routes/audit.js";
import { authRoutes } from "./routes/auth.js";
import { caseReportRoutes } from "./routes/case-reports.js";
import { caseStatusRoutes } from "./routes/case-status.js";
import { caseRoutes } from "./routes/cases.js";
import { consoleRoutes } from "./routes/console.js";
// Issue 18: paper entry, response imports, served counts, paper forms.
import { enteredRoutes } from "./routes/entered.js";
import { faviconRoutes } from "./routes/favicon.js";
import { healthRoutes } from "./routes/health.js";
import { homeRoutes } from "./routes/home.js";
import { linkRoutes } from "./routes/links.js";
import { openApiRoutes } from "./routes/openapi.js";
import { paperFormRoutes } from "./routes/paper-forms.js";
import { pointInfoRoutes } from "./routes/point-info.js";
import { pointRoutes } from "./routes/points.js";
import { posterRoutes } from "./routes/posters.js";
import { publicResultsRoutes } from "./routes/public-results.js";
import { qrRoutes } from "./routes/qr.js";
import { reportRoutes } from "./routes/reports.js";
import { responseRoutes } from "./routes/responses.js";
import { servedImportRoutes, servedRoutes } from "./routes/served.js";
import { serviceRoutes } from "./routes/services.js";
import { shiftRoutes } from "./routes/shifts.js";
import { surveyRoutes } from "./routes/survey.js";
import { tokenRoutes } from "./routes/tokens.js";
import { unitRoutes } from "./routes/units.js";
import { userRoutes } from "./routes/users.js";
import { createSubmitter } from "./submit/pipeline.js";

/** JSON API bodies are small; CSV imports may carry a few thousand catalogue rows. */
const API_BODY_LIMIT = 64 * 1024;
const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

const tooLarge = () => {
  throw new ApiError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
};

/** Builds the one Hono app that both runtimes serve, from injected dependencies. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set("deps", deps);
    const started = performance.now();
    await next();
    // Route pattern, not the URL: a one-time token in a query string must never reach a log.
    deps.log.info("request", {
      requestId: c.var.requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "same-origin",
      // Set by hstsOverHttps below, over HTTPS only.
      strictTransportSecurity: false,
    }),
  );
  app.use(hstsOverHttps());

  // Both checks read the headers first: touching c.req.raw.body makes @hono/node-server build a full web
  // Request and stream for the body, ~200 µs per POST, where the route's own read has a direct fast path.
  app.use("/api/*", async (c, next) => {
    const maxSize = c.req.path.endsWith("/import") ? IMPORT_BODY_LIMIT : API_BODY_LIMIT;
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(length) > maxSize) tooLarge();
      return next();
    }
    return bodyLimit({ maxSize, onError: tooLarge })(c, next);
  });
  app.use("/api/*", async (c, next) => {
    // HTTP/1.1 framing (RFC 9112 §6.3): on Node, without Content-Length and Transfer-Encoding there is no
    // body, and @hono/node-server hands every DELETE or POST a body stream, empty or not. Elsewhere (Workers,
    // app.request) a request may carry a body without those headers, and then it has a body object.
    const length = c.req.header("content-length");
    const onNode = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
    const hasBody =
      length !== undefined
        ? length !== "0"
        : c.req.header("transfer-encoding") !== undefined ||
          (!onNode && c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.raw.body !== null);
    const type = c.req.header("content-type") ?? "";
    if (hasBody && !c.req.path.endsWith("/import") && !/^application\/json\b/i.test(type)) {
      throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
    }
    await next();
  });

  // One submit pipeline per app: it holds the rate limiter, the point cache and the group-commit writer.
  const submitter = createSubmitter(deps, { limiter: deps.rateLimiter, writer: deps.responseWriter });
  // Any change to the catalogue made through this app applies to the survey at once: the point cache is
  // dropped after every successful write to units, services or points (other processes lag by its TTL).
  app.use("/api/v1/:catalogue{units|services|points}/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.res.status < 400) submitter.findPoint.forget();
  });
  // Posters and slips open in a browser tab: a refusal there is a page that says why, not JSON.
  app.use("/posters", htmlErrorPages());
  app.use("/posters/*", htmlErrorPages());
  app.use("/links/*", htmlErrorPages());

  app.route("/", healthRoutes);
  app.route("/", homeRoutes);
  app.route("/", faviconRoutes);
  app.route("/api/v1/auth", authRoutes);
  app.route("/api/v1/tokens", tokenRoutes);
  app.route("/api/v1/units", unitRoutes);
  app.route("/api/v1/services", serviceRoutes);
  app.route("/api/v1/points", pointRoutes);
  app.route("/api/v1/points", pointInfoRoutes(submitter));
  app.route("/api/v1/responses", responseRoutes(submitter));
  app.route("/s", surveyRoutes(submitter));
  app.route("/api/v1/users", userRoutes);
  app.route("/api/v1/audit", auditRoutes);
  app.route("/api/v1/reports", reportRoutes);
  app.route("/", qrRoutes);
  app.route("/console", consoleRoutes(deps.consoleFiles));
  app.route("/", posterRoutes);
  app.route("/", linkRoutes);
  app.route("/", publicResultsRoutes);
  // Issue 17: follow-up cases, their public status page and the follow-through report.
  app.route("/api/v1/cases", caseRoutes);
  app.route("/api/v1/reports/cases", caseReportRoutes);
  app.route("/", caseStatusRoutes);
  app.route("/", shiftRoutes);
  app.route("/api/v1/responses", enteredRoutes(submitter));
  app.route("/api/v1/points", servedRoutes);
  app.route("/api/v1/served", servedImportRoutes);
  app.route("/", paperFormRoutes);
  app.route("/", openApiRoutes);

  app.notFound((c) => c.json(errorBody("NOT_FOUND", "There is nothing at this address."), 404));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
