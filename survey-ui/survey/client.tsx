import { hydrate } from "preact";
import { SurveyApp } from "./pages/survey-app.js";
import { PROPS_ELEMENT_ID, type SurveyProps } from "./survey-props.js";

// The survey page's inline script: takes over the server-rendered form from the props the server embedded.
const root = document.getElementById("app");
const props = document.getElementById(PROPS_ELEMENT_ID)?.textContent;
if (root && props) hydrate(<SurveyApp {...(JSON.parse(props) as SurveyProps)} />, root);
