import { beforeAll, describe, expect, it } from "vitest";
import { decodeQrPng } from "../server/qr/decode-png.js";
import { makeCounterSetup } from "./helpers/catalogue.js";
import { adminToken, type Credentials } from "./helpers/client.js";
import { runtimes } from "./helpers/runtimes.js";

// What staff print: the same QR images and posters from Node and from workerd + D1.
describe.each(runtimes())("on $name", ({ client }) => {
  let admin: Credentials;
  let code: string;
  beforeAll(async () => {
    admin = await adminToken(client, "qr suite");
    code = (await makeCounterSetup(client, admin, "QR", [{ label: "Quầy số 2" }])).points[0]!;
  });

  it("draws a PNG QR code that decodes to the point's absolute survey URL", async () => {
    const res = await client.request("GET", `/qr/${code}.png?size=256`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(decodeQrPng(new Uint8Array(await res.arrayBuffer()))).toBe(`http://localhost:8787/s/${code}`);
  });

  it("draws an SVG QR code, cached publicly with an ETag that answers 304", async () => {
    const res = await client.request("GET", `/qr/${code}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toMatch(/^<svg[^>]+viewBox/);
    const etag = res.headers.get("etag")!;
    const again = await client.request("GET", `/qr/${code}.svg`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("prints a poster with the unit, the counter, the QR and the address to type, behind sign-in", async () => {
    expect((await client.request("GET", `/posters/${code}`)).status).toBe(401);
    const res = await client.request("GET", `/posters/${code}?format=a5`, { auth: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("Bộ phận một cửa QR");
    expect(html).toContain("Quầy số 2");
    expect(html).toContain(code);
    expect(html).toMatch(/<svg/);
  });
});
