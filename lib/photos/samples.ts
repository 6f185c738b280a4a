/**
 * Sample people and garments shipped in public/samples (illustrations made
 * for TrailRoom, CC0; scripts/generate-samples.ts draws them), so a new
 * shopper can try once without photos of their own. The try-on route accepts
 * `sample:<id>` for an image field and reads the file by this id — never a URL.
 * Browser-safe: the studio lists them from here.
 */
export type SampleKind = 'person' | 'top' | 'bottom';

export interface Sample {
  id: string;
  kind: SampleKind;
  label: string;
  /** Public path of the image (also what the server reads). */
  src: string;
}

export const SAMPLES: readonly Sample[] = [
  { id: 'person-ada', kind: 'person', label: 'Ada, standing' },
  { id: 'person-kai', kind: 'person', label: 'Kai, standing' },
  { id: 'top-blue-tee', kind: 'top', label: 'Blue T-shirt' },
  { id: 'top-striped-sweater', kind: 'top', label: 'Striped sweater' },
  { id: 'top-green-jacket', kind: 'top', label: 'Green jacket' },
  { id: 'bottom-navy-trousers', kind: 'bottom', label: 'Navy trousers' },
  { id: 'bottom-denim-skirt', kind: 'bottom', label: 'Denim skirt' },
  // A one-piece garment goes in the top slot (mode one_piece).
  { id: 'dress-sunday-midi', kind: 'top', label: 'Midi dress (one-piece)' },
].map((s) => ({ ...s, kind: s.kind as SampleKind, src: `/samples/${s.id}.png` }));

export function findSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}
