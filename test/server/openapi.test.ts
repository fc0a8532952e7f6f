import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiPath } from "../../server/openapi/document.js";
import { API_ROUTES, UNDOCUMENTED_ROUTES } from "../../server/openapi/routes.js";
import { createTestApp } from "../helpers/create-test-app.js";

// The API description: valid OpenAPI 3.1 (checked against the official schema), and complete: every
// route of the app (its own route table, as the access matrix reads it) is described, and nothing else.

const t = await createTestApp();
const res = await t.request("GET", "/api/v1/openapi.json");
const document = await res.json();

const appRoutes = [
  ...new Set(t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`)),
].filter((route) => !UNDOCUMENTED_ROUTES.includes(route));

describe("GET /api/v1/openapi.json", () => {
  it("is public JSON", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("is not found in a build without the describer (the Workers bundle leaves it out)", async () => {
    const bare = await createTestApp({ deps: { describeApi: undefined } });
    expect((await bare.request("GET", "/api/v1/openapi.json")).status).toBe(404);
    expect((await bare.request("GET", "/api/v1/docs")).status).toBe(404);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
    // The validator does refuse a broken document (so this test can fail).
    const broken = { ...document, paths: { "/x": { get: { responses: { "200": { content: 5 } } } } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes every route of the app, and nothing the app does not have", () => {
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      appRoutes.map((route) => route.replace(/ (.*)$/, (_, path: string) => ` ${openApiPath(path)}`)).sort(),
    );
    expect(new Set(API_ROUTES.map((r) => r.route)).size).toBe(API_ROUTES.length);
  });

  it("has the error envelope, both auth schemes, and request bodies from the contract's zod schemas", () => {
    expect(document.components.securitySchemes).toMatchObject({
      bearerToken: { type: "http", scheme: "bearer" },
      sessionCookie: { type: "apiKey", in: "cookie" },
    });
    expect(document.components.schemas.ErrorEnvelope.properties.error.required).toEqual(["code", "message"]);
    const createUnit = document.paths["/api/v1/units"].post;
    expect(createUnit.requestBody.content["application/json"].schema).toMatchObject({
      type: "object",
      required: ["code", "name"],
      additionalProperties: false,
    });
    expect(createUnit.responses["409"]).toEqual({ $ref: "#/components/responses/E409" });
    expect(document.paths["/api/v1/responses"].post.security).toEqual([]);
    const report = document.paths["/api/v1/reports/sipas"].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(report).toEqual(expect.arrayContaining(["from", "to", "by", "unit", "format", "preset", "year"]));
    const links = document.paths["/api/v1/points/{code}/links"].post;
    expect(links.parameters[0]).toMatchObject({ name: "code", in: "path", required: true });
  });
});

describe("GET /api/v1/docs", () => {
  it("is a readable page of the same routes, with no script and nothing from another site", async () => {
    const page = await t.request("GET", "/api/v1/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/api/v1/units/{code}/points/per-service");
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});
