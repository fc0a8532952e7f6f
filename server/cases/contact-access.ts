import type { Contact } from "../../shared/contract/cases.js";
import type { AuthUser } from "../deps.js";

// Who may see a citizen's contact (issue 17): admins of the case's scope, and staff of the case's own
// unit, who answer it. Analysts never; staff of a parent or sibling unit neither.

/** True when the user may reveal the contact of a case of the given unit (scope is checked before). */
export function maySeeContact(user: AuthUser, caseUnitId: number): boolean {
  return user.role === "admin" || (user.role === "staff" && user.unitId === caseUnitId);
}

/** A contact with most of it hidden, for the console before "show" is pressed. */
export function maskContact(contact: Contact): string {
  if (contact.kind === "email") {
    const [name = "", domain = ""] = contact.value.split("@");
    return `${name.slice(0, 1)}***@${domain}`;
  }
  return `${contact.value.slice(0, 3)}*****${contact.value.slice(-2)}`;
}
