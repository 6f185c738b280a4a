import type { Analytics } from './build-analytics';

/** snake_case for the API; revenue fields only when the caller may see revenue. */
export function serializeAnalytics(a: Analytics) {
  return {
    range: a.range,
    from: a.from,
    to: a.to,
    currency: a.currency,
    revenue_visible: a.revenue,
    missing_days: a.missingDays,
    kpis: a.kpis.map((k) => ({
      key: k.key,
      label: k.label,
      value: k.value,
      previous: k.previous,
      change: k.change,
      change_kind: k.changeKind,
      format: k.format,
      better: k.better,
    })),
    series: a.series.map((p) => ({
      day: p.day,
      computed: p.computed,
      tryons_completed: p.tryonsCompleted,
      tryons_failed: p.tryonsFailed,
      tryons_other: p.tryonsOther,
      success_rate: p.successRate,
      avg_processing_ms: p.avgProcessingMs,
      p95_processing_ms: p.p95ProcessingMs,
      credits_spent: p.creditsSpent,
      credits_refunded: p.creditsRefunded,
      credits_purchased: p.creditsPurchased,
      ...(a.revenue ? { revenue_cents: p.revenueCents } : {}),
      signups: p.signups,
      active_users: p.activeUsers,
    })),
  };
}
export type AnalyticsJson = ReturnType<typeof serializeAnalytics>;
