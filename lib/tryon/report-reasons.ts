import { REPORT_REASONS } from '@/models/enums';

/**
 * The "not right" reasons' labels and the note's limit, without zod: the studio's report
 * form imports these, and a zod import here would put zod in the studio's first load
 * (scripts/bundle-size.mjs holds /studio to its budget). report-schemas.ts builds on them.
 */
export const REPORT_REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  garment_changed: 'The garment changed (colour, print, logo or shape)',
  face_changed: 'My face or skin changed',
  body_changed: 'My body or pose changed',
  artefacts: 'Glitches or artefacts',
  other: 'Something else',
};

export const REPORT_NOTE_MAX = 500;
