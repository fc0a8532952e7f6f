// The answer scales of SIPAS.md §2: satisfaction 1–5 and expectation levels 1–3.

/** Satisfaction: 1 = Rất không hài lòng … 5 = Rất hài lòng; 4 and 5 count as satisfied (SIPAS.md §3). */
export const SCALE_VALUES = [1, 2, 3, 4, 5] as const;

/**
 * Expectations ("how much should the agency prioritise improving…"). The order is the national form's,
 * so the scale runs downwards: 1 = Rất nhiều (the highest priority), 2 = Nhiều, 3 = Ít (the lowest).
 */
export const EXPECTATION_LEVELS = [1, 2, 3] as const;

/**
 * E1 information provision, E2 premises and equipment, E3 staff competence, E4 staff attitude,
 * E5 digital (online) services, E6 handling of feedback, E7 simplifying procedures.
 */
export const EXPECTATION_CODES = ["E1", "E2", "E3", "E4", "E5", "E6", "E7"] as const;
