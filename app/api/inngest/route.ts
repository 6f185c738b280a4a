import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';

export const dynamic = 'force-dynamic';

// GET|POST|PUT /api/inngest — Inngest's endpoint to register and run functions
export const { GET, POST, PUT } = serve({
  client: inngest,
  functions: functions.map((f) => f.fn),
});
