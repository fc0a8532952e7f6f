import type { Messages } from "./messages.js";

// English, for foreign visitors. Items are statements the respondent rates, as in the Vietnamese form;
// "civil servant" renders "công chức", the official title of the staff at the counter.

export const en: Messages = {
  common: {
    languageName: "English",
    languageTag: "en",
    language: "Language",
  },
  instrument: {
    forms: {
      full: "Full form",
      quick: "Quick form",
    },
    satisfaction: {
      title: "Satisfaction",
      prompt: "Please tell us how satisfied you are with each of the following.",
    },
    scale: {
      "1": "Very dissatisfied",
      "2": "Dissatisfied",
      "3": "Neutral",
      "4": "Satisfied",
      "5": "Very satisfied",
      skip: "No answer",
    },
    elements: {
      TC: "Access to the service",
      TT: "Administrative procedures",
      CC: "The civil servants handling your case",
      KQ: "The outcome (whether granted or refused)",
      PA: "Handling of feedback and suggestions",
    },
    items: {
      TC1: "The agency offers information about its procedures in several ways that are easy to find and understand",
      TC2: "The office where applications are received and results collected has clear, visible signs and directions",
      TC3: "The office where applications are received and results collected is clean and orderly",
      TC4: "Facilities and equipment for the public are adequate, in good condition and make things easier to get done",
      TT1: "The rules for each procedure are posted publicly at the office, where they are easy to see and understand",
      TT2: "The documents you are asked to submit are only those the regulations require",
      TT3: "The fees and charges you pay are those set by the regulations",
      TT4: "Your case is dealt with within the time the regulations set",
      CC1: "Civil servants are polite and treat people with respect",
      CC2: "Civil servants provide information and answer questions and comments promptly and fully",
      CC3: "Civil servants explain the paperwork clearly enough for you to complete it after a single explanation",
      CC4: "Civil servants follow the regulations when handling your case",
      CC5: "Civil servants are helpful and attentive throughout the process",
      KQ1: "The result is ready on the date you were given",
      KQ2: "The result contains complete and accurate information",
      KQ3: "The result is fair",
      PA1: "The agency makes it easy to give feedback or make suggestions",
      PA2: "The agency receives and handles feedback and suggestions as the regulations require",
      PA3: "The agency reports back promptly on what it did about feedback and suggestions",
      TC: "How satisfied are you with access to the service (information, premises, equipment)?",
      TT: "How satisfied are you with the procedure (public notices, documents required, fees, processing time)?",
      CC: "How satisfied are you with the attitude and guidance of the civil servants?",
      KQ: "How satisfied are you with the outcome (on time, complete, accurate, fair)?",
      PA: "How satisfied are you with the way feedback and suggestions are received and handled?",
    },
    expectations: {
      title: "Your expectations",
      prompt: "How much should the agency prioritise improving each of the following?",
      items: {
        E1: "Information about procedures",
        E2: "Premises and equipment",
        E3: "Civil servants' knowledge and skills",
        E4: "Civil servants' attitude",
        E5: "Online public services",
        E6: "Handling of feedback and suggestions",
        E7: "Simpler procedures",
      },
      levels: {
        "1": "A great deal",
        "2": "Quite a lot",
        "3": "A little",
      },
    },
    respondent: {
      title: "About you",
      optional: "Optional",
      gender: {
        question: "Gender",
        options: { male: "Male", female: "Female", other: "Other" },
      },
      ageBand: {
        question: "Age",
        options: {
          "18-24": "18–24",
          "25-34": "25–34",
          "35-49": "35–49",
          "50-60": "50–60",
          "60+": "Over 60",
        },
      },
      ethnicity: {
        question: "Ethnic group",
        options: {
          kinh: "Kinh",
          tay: "Tày",
          nung: "Nùng",
          hoa: "Hoa (ethnic Chinese)",
          dao: "Dao",
          mong: "Hmong",
          "san-chay": "Sán Chay",
          other: "Other",
        },
      },
      education: {
        question: "Highest level of education",
        options: {
          "primary-or-less": "Primary school or less",
          "lower-secondary": "Lower secondary school",
          "upper-secondary": "Upper secondary school",
          vocational: "Vocational school or college",
          university: "University degree",
          postgraduate: "Postgraduate degree",
        },
      },
      occupation: {
        question: "Occupation",
        options: {
          farmer: "Farmer",
          worker: "Factory or manual worker",
          "civil-servant": "Government or public-sector employee",
          business: "Business owner or trader",
          student: "Student",
          retired: "Retired",
          other: "Other",
        },
      },
    },
    comment: {
      label: "Other comments",
      hint: "Is there anything else the agency could do to serve you better? (up to 2,000 characters)",
    },
  },
  poster: {
    title: "Survey poster",
    kicker: "Satisfaction with public administrative services",
    question: "Are you satisfied with the service here?",
    steps: {
      scan: "Open your phone's camera and scan the QR code.",
      answer: "Choose how satisfied you are for each question.",
      send: "Tap “Send”. Thank you!",
    },
    typeUrl: "Cannot scan? Type this address:",
    scanLine: "Scan the QR code to rate the service here.",
    privacy: "Anonymous survey: we do not ask your name or keep your IP address or device details.",
    fold: "Fold along this line",
    print: "Print",
    formats: {
      a4: "A4",
      a5: "A5",
      tent: "Table tent (fold in half)",
    },
    slips: {
      title: "One-time survey slips",
      instruction: "Scan the QR code to rate how your dossier was handled. The code works once.",
      validUntil: "Valid until the end of",
      cut: "Cut along the borders, one slip per citizen.",
      formTitle: "Print one-time survey slips",
      count: "Number of slips (1–100)",
      dossier: "Dossier code (optional)",
      dossierHint:
        "With a dossier code, one slip is printed: each dossier is rated once. The code is not stored.",
      submit: "Make slips",
    },
  },
  survey: {
    title: "Satisfaction survey",
    intro:
      "Please take about a minute to tell us how satisfied you are with the service here. The survey is anonymous; skip any question that does not apply to you.",
    service: {
      label: "The procedure you came for",
      choose: "— Choose a procedure (optional) —",
      search: "Search procedures",
      noMatch: "No procedure matches",
    },
    progress: "{answered} of {total} answered",
    optional: "optional",
    commentPrivacy: "Please do not write your name, phone number, ID number or other personal details.",
    submit: "Send",
    status: {
      sending: "Sending your answers…",
      retrying:
        "The connection is unstable; trying again… Your answers are saved on this device. Please keep this page open.",
      offline:
        "This device is offline. Your answers are saved on it and will be sent automatically when the connection returns.",
      earlierSending: "Sending the answers you gave last time…",
      earlierSent: "Your earlier answers have been received. Thank you!",
    },
    thanks: {
      title: "Thank you!",
      body: "Your answers have been received and will help this office serve people better.",
      again: "Start a new survey",
      kiosk: "A new survey opens in {seconds} seconds.",
    },
    errors: {
      answerOne: "Please answer at least one satisfaction question.",
      invalid: "Some answers are not valid. Please check them and send again.",
      tokenRequired:
        "Surveys at this counter use the personal link printed on your receipt. Please scan the QR code on the receipt.",
      tokenInvalid: "This survey link has expired or is not valid. Please ask the staff at the counter.",
      tokenUsed: "This link has already been used. Each case can be rated once.",
      duplicate: "This survey was already sent with different answers.",
      moved: "This survey point no longer takes answers.",
      rateLimited:
        "Too many surveys were sent from this network in the last minute. Please try again in a few minutes.",
      failed: "Your answers could not be sent. Please try again.",
    },
    notFound: {
      title: "Survey point not found",
      body: "There is no survey point with the code {code}. Please check the code printed under the QR code.",
    },
    moved: {
      title: "This counter has moved",
      body: "The survey point “{label}” of {unit} no longer takes answers. Please scan the QR code at the counter where you are now, or ask the staff.",
    },
    link: {
      requiredTitle: "A personal link is needed",
      usedTitle: "Your answers were already sent",
      invalidTitle: "This link cannot be used",
    },
    honeypot: "Leave this field empty",
  },
  report: {
    method: {
      title: "How these figures are computed",
      monitoring:
        "A survey at the counter is continuous monitoring in the style of SIPAS, not the official SIPAS result published by the Ministry of Home Affairs.",
      valid:
        "Each question is rated from 1 to 5; a question left blank counts in neither the numerator nor the denominator.",
      item: "Index of a question = answers of 4 (Satisfied) or 5 (Very satisfied) divided by the valid answers, times 100.",
      element:
        "Index of an element = the unweighted mean of the indices of its questions that have answers; the quick form's question counts as one more question of its element.",
      index: "SIPAS-style index = the mean of the indices of the elements that have data.",
      mean: "Mean score (1–5) of an element = the mean of its questions' mean scores.",
      sample:
        "Every figure comes with its number of respondents; a group of fewer than 30 is flagged as a small sample.",
      rounding:
        "Figures are rounded half away from zero to 2 decimals only when shown or exported; calculations use the unrounded values.",
      days: "Responses count on their day in Vietnam time (UTC+7); a period includes its first and its last day.",
      unitRows:
        "A unit's row counts only the survey points attached directly to that unit; each unit below it has its own row.",
    },
    formats: {
      xlsxHint:
        "Prefer the Excel file (.xlsx): Excel set to Vietnamese reads the comma as the decimal separator and can misread numbers in a CSV file.",
    },
  },
};
