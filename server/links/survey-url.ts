/** The absolute survey URL of a point, with a one-time token when given: what QR codes and links carry. */
export function surveyUrl(publicUrl: string, pointCode: string, token?: string): string {
  const url = `${publicUrl}/s/${pointCode}`;
  return token === undefined ? url : `${url}?t=${token}`;
}

/**
 * What a person types before a point's code, as printed on posters and slips: the survey address
 * without its scheme, e.g. "hailong.example.gov.vn/s/" (then "K7F3QM").
 */
export function typedSurveyPrefix(publicUrl: string): string {
  return `${publicUrl.replace(/^https?:\/\//, "")}/s/`;
}
