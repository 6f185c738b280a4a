import type { studioTryonFormSchema } from '@/lib/tryon/schemas';

/**
 * The studio checks its photos with the try-on route's own schema, but zod is
 * ~30 kB of gzipped JS the page does not need to paint: the schema module is
 * loaded right after the studio mounts (its own chunk, outside First Load JS;
 * issue 13's 200 kB budget). Until then nothing can be submitted.
 */
type StudioFormSchema = typeof studioTryonFormSchema;

let loaded: StudioFormSchema | null = null;
let loading: Promise<StudioFormSchema> | null = null;

/** Starts (once) and awaits loading the schema. */
export function loadStudioFormSchema(): Promise<StudioFormSchema> {
  loading ??= import('@/lib/tryon/schemas').then((m) => (loaded = m.studioTryonFormSchema));
  return loading;
}

/** The schema once loaded, else null. */
export function studioFormSchema(): StudioFormSchema | null {
  return loaded;
}
