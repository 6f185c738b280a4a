import { ApiError, fieldErrors } from './api-error';

/** One message per field name (the first problem found), for `<Field error>`. */
export type FormErrors = Partial<Record<string, string>>;

interface IssueLike {
  path: ReadonlyArray<PropertyKey> | string;
  message: string;
}

function fromIssues(issues: readonly IssueLike[]): FormErrors {
  const out: FormErrors = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    const key = path || 'form';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Field errors from a zod failure in the form (the same schema as the
 * route), or from the route's 400 `validation_error` envelope (details are
 * zod issues `{ path, message }`) or a 422 `fieldErrors` object. Anything
 * else gives no field errors (show its message instead).
 */
export function formErrors(err: unknown): FormErrors {
  if (err && typeof err === 'object' && 'issues' in err && Array.isArray(err.issues))
    return fromIssues(err.issues as IssueLike[]);
  if (!(err instanceof ApiError)) return {};
  if (Array.isArray(err.details))
    return fromIssues(
      err.details.filter(
        (d): d is IssueLike =>
          !!d && typeof d === 'object' && typeof (d as IssueLike).message === 'string',
      ),
    );
  return fieldErrors(err);
}
