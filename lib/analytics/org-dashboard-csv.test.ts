import { describe, expect, it } from 'vitest';
import { orgDashboardCsv } from './org-dashboard-csv';
import type { OrgDashboard } from './org-dashboard-types';

const dashboard: OrgDashboard = {
  days: ['2026-11-29', '2026-11-30'],
  series: [
    { day: '2026-11-29', tryons: 0, completed: 0, failed: 0, creditsUsed: 0 },
    { day: '2026-11-30', tryons: 4, completed: 2, failed: 1, creditsUsed: 3 },
  ],
  totals: { tryons: 4, completed: 2, failed: 1, creditsUsed: 3 },
  products: [{ sku: 'TEE,"1"', tryons: 3, completed: 2 }],
  widget: {
    counts: { open: 0, tryon_created: 0, tryon_completed: 2, add_to_cart: 1, refused: 1 },
    refusals: [{ reason: 'widget_quota_exceeded', count: 1 }],
    conversion: {
      tryonSessions: 2,
      tryonSessionsWithCart: 1,
      tryonSessionsWithoutCart: 1,
      cartSessionsWithoutTryon: 0,
    },
    bySku: [{ sku: 'TEE,"1"', tryonSessions: 2, addedToCart: 1 }],
  },
  recentRefusals: [
    {
      at: new Date('2026-11-30T10:00:00Z'),
      reason: 'widget_quota_exceeded',
      origin: null,
      sku: '=HYPERLINK("x")',
    },
  ],
};

describe('orgDashboardCsv', () => {
  it('writes one row per day with the success rate of finished try-ons', () => {
    expect(orgDashboardCsv(dashboard, 'days')).toBe(
      'day,tryons,completed,failed,success_rate,credits_used\r\n' +
        '2026-11-29,0,0,0,,0\r\n' +
        '2026-11-30,4,2,1,0.6667,3\r\n',
    );
  });

  it('joins products with their widget conversion, quoting commas and quotes', () => {
    expect(orgDashboardCsv(dashboard, 'products')).toBe(
      'sku,tryons,completed,widget_tryon_visitors,widget_added_to_cart\r\n' +
        '"TEE,""1""",3,2,2,1\r\n',
    );
  });

  it('defuses spreadsheet formulas in text cells', () => {
    expect(orgDashboardCsv(dashboard, 'refusals')).toBe(
      'at,reason,origin,sku\r\n' +
        '2026-11-30T10:00:00.000Z,widget_quota_exceeded,,"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
