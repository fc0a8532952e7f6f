/** The absolute survey URL of a point, with a one-time token when given: what QR codes and links carry. */
export function surveyUrl(publicUrl: string, pointCode: string, token?: string): string {
  const url = `${publicUrl}/s/${pointCode}`;
  return token === undefined ? url : `${url}?t=${token}`;
}

/** The survey URL as a person types it from a poster: no scheme, e.g. hailong.example.gov.vn/s/K7F3QM. */
export function typedSurveyUrl(publicUrl: string, pointCode: string): string {
  return surveyUrl(publicUrl, pointCode).replace(/^https?:\/\//, "");
}
