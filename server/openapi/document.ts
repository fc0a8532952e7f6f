import {
  ERROR_CODES,
  ERROR_STATUS,
  type ErrorCode,
  errorEnvelopeSchema,
} from "../../shared/contract/errors.js";
import * as z from "../../shared/contract/zod.js";
import { SESSION_COOKIE } from "../auth/credentials.js";
import { XLSX_MEDIA_TYPE } from "../lib/spreadsheet/read-table.js";
import { API_ROUTES, type ApiRoute } from "./routes.js";

// The OpenAPI 3.1 document of the app, generated from the route table and its zod schemas (zod 4's
// z.toJSONSchema, JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Built once per process.

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a zod schema as a request reads it (defaults make fields optional). */
function jsonSchema(schema: z.core.$ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  return rest;
}

/** The properties of an object schema, intersections (`.and`) merged. */
function objectProperties(schema: JsonSchema): {
  properties: Record<string, JsonSchema>;
  required: string[];
} {
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [schema];
  const merged = { properties: {} as Record<string, JsonSchema>, required: [] as string[] };
  for (const part of parts) {
    if (Array.isArray(part.allOf)) {
      const inner = objectProperties(part);
      Object.assign(merged.properties, inner.properties);
      merged.required.push(...inner.required);
      continue;
    }
    Object.assign(merged.properties, (part.properties as Record<string, JsonSchema>) ?? {});
    merged.required.push(...((part.required as string[]) ?? []));
  }
  return merged;
}

/** `/api/v1/units/:code` as OpenAPI writes it: `/api/v1/units/{code}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)/g, "{$1}");
}

const MEDIA: Record<NonNullable<ApiRoute["produces"]>, string[]> = {
  json: ["application/json"],
  html: ["text/html"],
  csv: ["text/csv"],
  "json-csv-xlsx": ["application/json", "text/csv", XLSX_MEDIA_TYPE],
  "csv-xlsx": [XLSX_MEDIA_TYPE, "text/csv"],
  "xlsx-html": [XLSX_MEDIA_TYPE, "text/html"],
  image: ["image/svg+xml", "image/png"],
  icon: ["image/x-icon"],
  redirect: [],
};

type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** What each error status means; the codes answered with it are read from ERROR_STATUS, never listed here. */
const STATUS_MEANING: Record<ErrorStatus, string> = {
  400: "The input is not valid; `issues` says where",
  401: "No valid session or token, or wrong credentials",
  403: "The role may not do this, the unit is outside the caller's scope, or a one-time link is missing or not valid",
  404: "Unknown code, or a survey point that no longer collects answers",
  409: "It exists already, or was sent before",
  413: "The body is too large",
  415: "The body's media type is not accepted",
  429: "Too many attempts or answers just now; try again later",
  500: "Something went wrong on the server; never a stack trace",
  503: "The service is starting or cannot write just now; see Retry-After",
};

/** A status's description with the error codes it answers, e.g. "… (NOT_FOUND, POINT_NOT_FOUND)". */
function statusDescription(status: ErrorStatus): string {
  const codes = ERROR_CODES.filter((code) => ERROR_STATUS[code] === status);
  return `${STATUS_MEANING[status]} (${codes.join(", ")})`;
}

function operation(route: ApiRoute) {
  const [method, path] = route.route.split(" ") as [string, string];
  const pathSchemas = route.params ? objectProperties(jsonSchema(route.params)).properties : {};
  const parameters: JsonSchema[] = [...path.matchAll(/:(\w+)/g)].map(([, name = ""]) => ({
    name,
    in: "path",
    required: true,
    schema: pathSchemas[name] ?? { type: "string" },
  }));
  if (route.query) {
    const { properties, required } = objectProperties(jsonSchema(route.query));
    for (const [name, schema] of Object.entries(properties))
      parameters.push({ name, in: "query", required: required.includes(name), schema });
  }
  const op: JsonSchema = {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, ch?: string) => (ch ?? "").toUpperCase())}`,
    tags: [route.tag],
    summary: route.summary,
    description:
      route.access === "public"
        ? "Public: no sign-in."
        : `Roles: ${route.access.join(", ")} (session cookie or API token), within their unit subtree.`,
    parameters,
  };
  if (route.json)
    op.requestBody = {
      required: !route.optionalBody,
      content: { "application/json": { schema: jsonSchema(route.json) } },
    };
  if (route.form)
    op.requestBody = {
      required: true,
      content: { "application/x-www-form-urlencoded": { schema: jsonSchema(route.form) } },
    };
  if (route.spreadsheet)
    op.requestBody = {
      required: true,
      description:
        "A spreadsheet: XLSX (first sheet, or ?sheet=NAME), or CSV as Excel writes it (`,` `;` or tab; UTF-8 with or without BOM, UTF-16, Windows-1258, Windows-1252). Headers: the column codes or their Vietnamese names.",
      content: {
        "text/csv": { schema: { type: "string" } },
        [XLSX_MEDIA_TYPE]: { schema: { type: "string", contentMediaType: XLSX_MEDIA_TYPE } },
      },
    };
  const status = String(route.status ?? 200);
  const produces = route.produces ?? "json";
  const success: JsonSchema = { description: route.summary };
  const media = MEDIA[produces];
  if (media.length > 0)
    success.content = Object.fromEntries(
      media.map((type) => [
        type,
        type === "application/json" && route.response ? { schema: jsonSchema(route.response, "output") } : {},
      ]),
    );
  const responses: Record<string, unknown> = { [status]: success };
  const errors = ["400", ...(route.access === "public" ? [] : ["401", "403"]), "404", "413", "415"];
  if (route.status === 201 || route.conflict) errors.push("409");
  for (const code of errors) responses[code] = { $ref: `#/components/responses/E${code}` };
  responses["500"] = { $ref: "#/components/responses/E500" };
  op.responses = responses;
  if (route.access === "public") op.security = [];
  return { method: method.toLowerCase(), path: openApiPath(path), op };
}

/** The whole document, with the server's public address. */
export function buildOpenApiDocument(publicUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const { method, path, op } = operation(route);
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method] = op;
  }
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "hailong API",
      version: "1",
      description:
        "Citizen satisfaction surveys of public administrative services (SIPAS). Every error answers `{ error: { code, message, issues? } }`; `code` is one of a closed list. Scripts authenticate with `Authorization: Bearer <API token>` (POST /api/v1/tokens); the console uses the session cookie.",
    },
    servers: [{ url: publicUrl }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(API_ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token from POST /api/v1/tokens; it acts with its owner's role and scope.",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
      },
      schemas: {
        ErrorEnvelope: jsonSchema(errorEnvelopeSchema, "output"),
        ErrorCode: { type: "string", enum: [...ERROR_CODES] },
      },
      responses: Object.fromEntries(
        Object.keys(STATUS_MEANING).map((status) => [
          `E${status}`,
          errorResponse(statusDescription(Number(status) as ErrorStatus)),
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
