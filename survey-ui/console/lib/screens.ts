import type { FunctionComponent } from "preact";
import type { Role } from "../../../shared/contract/catalogue.js";
import type { MessageKey } from "../../../shared/i18n/console/index.js";
import type { Me } from "./console-api.js";

/** What every screen receives from the shell. */
export type ScreenProps = { me: Me };

export type Screen = {
  path: string;
  /** Roles that see this screen; the API refuses the others anyway, the console just does not offer it. */
  roles: readonly Role[];
  /** Its entry in the main navigation, or null for screens reached otherwise (my account). */
  nav: MessageKey | null;
  /** Screens are separate chunks: a staff member never downloads the dashboard. */
  load: () => Promise<FunctionComponent<ScreenProps>>;
};

// In navigation order; a role's first screen is where it lands after sign-in.
export const SCREENS: readonly Screen[] = [
  {
    path: "dashboard",
    roles: ["admin", "analyst"],
    nav: "console.nav.dashboard",
    load: () => import("../pages/dashboard.js").then((m) => m.DashboardPage),
  },
  {
    path: "reports",
    roles: ["admin", "analyst"],
    nav: "pack.console.nav",
    load: () => import("../pages/reports.js").then((m) => m.ReportsPage),
  },
  {
    path: "points",
    roles: ["admin", "staff"],
    nav: "console.nav.points",
    load: () => import("../pages/points.js").then((m) => m.PointsPage),
  },
  {
    path: "units",
    roles: ["admin"],
    nav: "console.nav.units",
    load: () => import("../pages/units.js").then((m) => m.UnitsPage),
  },
  {
    path: "services",
    roles: ["admin"],
    nav: "console.nav.services",
    load: () => import("../pages/services.js").then((m) => m.ServicesPage),
  },
  {
    path: "users",
    roles: ["admin"],
    nav: "console.nav.users",
    load: () => import("../pages/users.js").then((m) => m.UsersPage),
  },
  {
    path: "audit",
    roles: ["admin"],
    nav: "console.nav.audit",
    load: () => import("../pages/audit.js").then((m) => m.AuditPage),
  },
  // Issue 17: the case inbox and one case (reached from the inbox).
  {
    path: "cases",
    roles: ["admin", "analyst", "staff"],
    nav: "cases.console.nav",
    load: () => import("../pages/cases.js").then((m) => m.CasesPage),
  },
  {
    path: "case",
    roles: ["admin", "analyst", "staff"],
    nav: null,
    load: () => import("../pages/case.js").then((m) => m.CasePage),
  },
  // Officers (issue 16): a staff member's shift and their own results.
  {
    path: "shift",
    roles: ["staff"],
    nav: "officers.nav.shift",
    load: () => import("../pages/shift.js").then((m) => m.ShiftPage),
  },
  {
    path: "my-results",
    roles: ["staff"],
    nav: "officers.nav.mine",
    load: () => import("../pages/my-results.js").then((m) => m.MyResultsPage),
  },
  // Issue 18: paper forms typed in, imports and served counts.
  {
    path: "paper",
    roles: ["admin", "analyst", "staff"],
    nav: "paper.entry.nav",
    load: () => import("../pages/paper-entry.js").then((m) => m.PaperEntryPage),
  },
  {
    path: "import",
    roles: ["admin", "analyst", "staff"],
    nav: "paper.import.nav",
    load: () => import("../pages/response-import.js").then((m) => m.ResponseImportPage),
  },
  {
    path: "account",
    roles: ["admin", "analyst", "staff"],
    nav: null,
    load: () => import("../pages/account.js").then((m) => m.AccountPage),
  },
];

/** The screens a role may open. */
export function screensFor(role: Role): Screen[] {
  return SCREENS.filter((screen) => screen.roles.includes(role));
}

/** Where a role lands after sign-in. */
export function homeOf(role: Role): string {
  return screensFor(role)[0]?.path ?? "account";
}
