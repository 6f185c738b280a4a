import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { reportTryonBodySchema, reportTryonResponseSchema } from '@/lib/tryon/report-schemas';
import { REROLL_DAILY_LIMIT, MAX_REPORTS_PER_JOB } from '@/lib/tryon/report-limits';

/** POST /tryon/{id}/report of the OpenAPI document: "not right" and the free re-roll. */
interface Helpers {
  security: Array<Record<string, string[]>>;
  json: (schema: z.ZodType, description: string) => object;
  errors: (...statuses: number[]) => Record<string, object>;
  errorSchema: z.ZodType;
}

export function registerRerollPaths(registry: OpenAPIRegistry, h: Helpers): void {
  const { security, json, errors } = h;
  const err = (description: string) => ({
    description,
    content: { 'application/json': { schema: h.errorSchema } },
  });
  registry.registerPath({
    method: 'post',
    path: '/tryon/{id}/report',
    operationId: 'reportTryonJob',
    summary: 'Report a completed try-on as not right; the first report re-rolls it once for free',
    description: [
      'The first report of a completed job starts a new job (`reroll_job_id`) with the same inputs',
      'and mode, at no cost: `credits_used` 0 and a zero-credit `usage` entry `reroll:<id>` in the',
      'ledger. A later report of the same job (or a report of a re-roll) is recorded and answers 200',
      `with \`regenerated: false\`; past ${MAX_REPORTS_PER_JOB} reports of one job, 409 \`conflict\`.`,
      `Each person gets ${REROLL_DAILY_LIMIT} free re-rolls per UTC day (429 \`reroll_limit_reached\`,`,
      'with `details.resets_at`; nothing is recorded, so the report can be made again).',
    ].join(' '),
    tags: ['Try-on'],
    security,
    request: {
      params: z.object({ id: z.string().meta({ description: 'Try-on job id' }) }),
      body: { content: { 'application/json': { schema: reportTryonBodySchema } } },
    },
    responses: {
      200: json(reportTryonResponseSchema, 'The report, and whether it started a re-roll'),
      ...errors(400, 404),
      409: err(
        'invalid_state (the job has not completed), conflict (the job already has the most reports kept)',
      ),
    },
  });
}
