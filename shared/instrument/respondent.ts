// The optional "about you" questions of SIPAS.md §2. Option codes are stored with responses and are part
// of the API, so they never change meaning; their wording lives in shared/i18n.

export const RESPONDENT_QUESTIONS = {
  gender: { options: ["male", "female", "other"] },
  ageBand: { options: ["18-24", "25-34", "35-49", "50-60", "60+"] },
  ethnicity: { options: ["kinh", "tay", "nung", "hoa", "dao", "mong", "san-chay", "other"] },
  education: {
    options: [
      "primary-or-less",
      "lower-secondary",
      "upper-secondary",
      "vocational",
      "university",
      "postgraduate",
    ],
  },
  occupation: {
    options: ["farmer", "worker", "civil-servant", "business", "student", "retired", "other"],
  },
} as const;

type RespondentField = keyof typeof RESPONDENT_QUESTIONS;

/**
 * The respondent questions in the order the survey asks them. Spelled out (not Object.keys of the table),
 * so that the survey's client script, which needs only the names, does not carry every option code.
 */
export const RESPONDENT_FIELDS: RespondentField[] = [
  "gender",
  "ageBand",
  "ethnicity",
  "education",
  "occupation",
];
