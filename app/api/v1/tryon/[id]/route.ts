import { apiRoute, readJson } from '@/lib/api';
import {
  deleteTryonJob,
  getTryonJobOrThrow,
  jobIdParamSchema,
  serializeJob,
  setTryonFavorite,
  updateTryonSchema,
} from '@/lib/tryon';

export const dynamic = 'force-dynamic';

type Params = { id: string };

// GET /api/v1/tryon/{id} — one of the caller's jobs
export const GET = apiRoute<Params>({ auth: 'user' }, async ({ params, caller }) => {
  const { id } = jobIdParamSchema.parse(params);
  return serializeJob(await getTryonJobOrThrow(caller.ownerId, id, caller));
});

// PATCH /api/v1/tryon/{id} — mark or unmark as favourite (the job, or one result with `output`)
export const PATCH = apiRoute<Params>({ auth: 'user' }, async ({ req, params, caller }) => {
  const { id } = jobIdParamSchema.parse(params);
  const { favorite, output } = updateTryonSchema.parse(await readJson(req, 10_000));
  return serializeJob(await setTryonFavorite(caller.ownerId, id, favorite, output, caller));
});

// DELETE /api/v1/tryon/{id} — cancel and refund a queued job, or delete a finished one with its images
export const DELETE = apiRoute<Params>({ auth: 'user' }, async ({ params, caller }) => {
  const { id } = jobIdParamSchema.parse(params);
  return deleteTryonJob(caller.ownerId, id, caller);
});
