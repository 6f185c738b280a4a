import { AppError } from '@/lib/errors';
import type { ReserveCapResult } from './types';

const LABELS: Record<string, string> = {
  key_daily: "This API key's daily credit cap",
  account_monthly: "The account's monthly spend cap",
  org_daily: "The organisation's daily widget credit cap",
  visitor_daily: 'The daily try-on limit',
};

/** 402 `spend_cap_reached` with `details: { scope, cap, used, resets_at }`. */
export function capReachedError(refusal: Extract<ReserveCapResult, { ok: false }>): AppError {
  const label = LABELS[refusal.scope] ?? 'A spend cap';
  return new AppError(
    'spend_cap_reached',
    `${label} (${refusal.limit}) would be passed; it resets at ${refusal.resetsAt.toISOString()}.`,
    {
      details: {
        scope: refusal.scope,
        cap: refusal.limit,
        used: refusal.used,
        resets_at: refusal.resetsAt.toISOString(),
      },
    },
  );
}
