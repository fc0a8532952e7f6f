/**
 * The instrument's id, stored with every response: a new id whenever items, codes or scales change, so that
 * old answers keep the meaning they were given under.
 */
export const INSTRUMENT_VERSION = "sipas-2023.1";
