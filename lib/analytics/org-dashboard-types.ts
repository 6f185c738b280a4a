import type { WidgetEventSummary } from '@/lib/widget-events';

/** The merchant dashboard of one organisation (GET-free: read by its page and its CSV export). */

export interface OrgDaySeriesPoint {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  tryons: number;
  completed: number;
  failed: number;
  /** Credits charged that day net of refunds. */
  creditsUsed: number;
}

export interface OrgProductCount {
  sku: string;
  tryons: number;
  completed: number;
}

export interface OrgRefusal {
  at: Date;
  reason: string;
  origin: string | null;
  sku: string | null;
}

export interface OrgDashboard {
  days: string[];
  series: OrgDaySeriesPoint[];
  totals: { tryons: number; completed: number; failed: number; creditsUsed: number };
  products: OrgProductCount[];
  /** Widget figures (lib/widget-events): event counts, refusals by reason, conversion, per SKU. */
  widget: WidgetEventSummary;
  /** The latest widget refusals, newest first. */
  recentRefusals: OrgRefusal[];
}
