import { adminApi } from "../../e2e/helpers/catalogue.js";

// The catalogue a load run submits to, created through the public API of a running server as its admin
// (the account `startServer` bootstraps): units, services and survey points of every kind the pipeline
// distinguishes (full and quick forms, a fixed service, a choice of services, none).

/** A survey point as the workload sees it: what may be answered there. */
export type LoadPoint = {
  code: string;
  form: "full" | "quick";
  /** Services a citizen may pick at this point (empty: none to pick, or the point's fixed one). */
  choices: string[];
};

export type LoadCatalogue = { points: LoadPoint[]; token: string };

const UNITS = [
  { code: "H35", name: "UBND tỉnh Lạng Sơn" },
  { code: "H35.STP", name: "Sở Tư pháp", parent: "H35" },
  { code: "H35.SNV", name: "Sở Nội vụ", parent: "H35" },
];
const SERVICES = [
  { code: "1.001193", name: "Đăng ký khai sinh", units: ["H35.STP"] },
  { code: "2.000488", name: "Cấp Phiếu lý lịch tư pháp", units: ["H35.STP"] },
  { code: "1.003572", name: "Cấp hộ chiếu công vụ", units: ["H35.SNV"] },
];
const POINTS = [
  { unit: "H35.STP", label: "Quầy số 1", form: "full", choices: ["1.001193", "2.000488"] },
  { unit: "H35.STP", label: "Quầy số 2", form: "full", service: "1.001193", choices: [] },
  { unit: "H35.STP", label: "Quầy nhanh", form: "quick", choices: ["1.001193", "2.000488"] },
  { unit: "H35.SNV", label: "Bộ phận một cửa", form: "full", choices: ["1.003572"] },
  { unit: "H35.SNV", label: "Quầy hộ chiếu", form: "quick", service: "1.003572", choices: [] },
  { unit: "H35", label: "Sảnh chung", form: "full", choices: [] },
] as const;

/** Creates the load catalogue as the server's first admin, and an API token to read reports with. */
export async function createLoadCatalogue(url: string): Promise<LoadCatalogue> {
  const api = await adminApi(url);
  const { token } = (await api("POST", "/api/v1/tokens", { name: "load" })) as { token: string };
  for (const unit of UNITS) await api("POST", "/api/v1/units", unit);
  for (const service of SERVICES) await api("POST", "/api/v1/services", service);
  const points: LoadPoint[] = [];
  for (const { choices, ...point } of POINTS) {
    const { code } = (await api("POST", "/api/v1/points", point)) as { code: string };
    points.push({ code, form: point.form, choices: [...choices] });
  }
  return { points, token };
}
