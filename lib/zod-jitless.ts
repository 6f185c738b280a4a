import { config } from 'zod';

// Imported first by schema modules the browser loads: zod otherwise probes
// `new Function` once (its JIT object parser), which the pages' CSP (no
// 'unsafe-eval') reports as a violation. On the server the JIT stays on.
if (typeof window !== 'undefined') config({ jitless: true });
