import { config } from 'zod';

// zod probes `new Function` (for its fast object parser) when an object
// schema is created; under the pages' CSP (no 'unsafe-eval') the probe is
// reported as a violation even though zod catches it. Imported before any
// schema module, so the probe never runs in the browser.
config({ jitless: true });
