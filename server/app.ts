import { Hono } from "hono";
import type { AppDeps, AppEnv } from "./deps.js";
import { ApiError, errorResponse, handleError } from "./errors.js";
import { bodyPolicy, JSON_BODY } from "./lib/body-policy.js";
import { htmlErrorPages } from "./lib/html-error-pages.js";
import { requestFrame } from "./lib/request-frame.js";
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

/** Builds the one Hono app that both runtimes serve, from injected dependencies. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(requestFrame(deps));

  // Imports carry files: their routes apply IMPORT_BODY themselves, once the caller is known.
  const jsonBody = bodyPolicy(JSON_BODY);
  app.use("/api/*", (c, next) => (c.req.path.endsWith("/import") ? next() : jsonBody(c, next)));

  // One submit pipeline per app: it holds the rate limiter, the point cache and the response writer.
  const submitter = createSubmitter(deps);
  // Any change to the catalogue made through this app applies to the survey at once: the point and on-duty
  // caches are dropped after every successful write to units, services or points, shifts included (other
  // processes lag by their TTLs).
  app.use("/api/v1/:catalogue{units|services|points}/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.res.status < 400) {
      submitter.findPoint.forget();
      submitter.findOnDuty.forget();
    }
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

  app.notFound((c) => errorResponse(c, new ApiError("NOT_FOUND", "There is nothing at this address.")));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
