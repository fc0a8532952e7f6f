import { hydrate } from "preact";
import { watchFollowUp } from "./components/follow-up.js";
import { SurveyApp } from "./pages/survey-app.js";
import { PROPS_ELEMENT_ID, type SurveyProps } from "./survey-props.js";

// The survey page's inline script: takes over the server-rendered form from the props the server embedded.
// Two things travel in the page once only, as markup, and are not repeated in the props: the questions
// (kept as they are, see StaticHtml) and the unit's services, read back here from the picker's options.
const root = document.getElementById("app");
const json = document.getElementById(PROPS_ELEMENT_ID)?.textContent;
if (root && json) {
  const props = JSON.parse(json) as SurveyProps;
  // The no-JS page's kept form id (see server/routes/survey.ts) and its note on language links: with the
  // script, the page keeps its own id and carries the answers across languages.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from cheap phones' WebViews.
  document.cookie = `hl_form=; max-age=0; path=/s/${props.point.code}`;
  document.getElementById("lang-note")?.remove();
  const options = root.querySelectorAll<HTMLOptionElement>("#service option");
  props.services = Array.from(options, (o) => ({ code: o.value, name: o.text })).filter((s) => s.code !== "");
  hydrate(<SurveyApp {...props} />, root);
  watchFollowUp(root);
}
