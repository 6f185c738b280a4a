import { describe, expect, it } from 'vitest';
import {
  buildAnalytics,
  buildKpis,
  changeBetween,
  toSeriesPoint,
  totalsOf,
} from './build-analytics';
import type { DayStats } from './compute-day-stats';
import { addDays, dayBounds, dayOf, daysEnding, isDay } from './days';

const row = (day: string, f: Partial<DayStats> = {}): DayStats => ({
  day,
  signups: 0,
  tryonsCreated: 0,
  tryonsCompleted: 0,
  tryonsFailed: 0,
  tryonsCanceled: 0,
  creditsSpent: 0,
  creditsRefunded: 0,
  creditsPurchased: 0,
  revenueCents: 0,
  payments: 0,
  activeUsers: 0,
  processedJobs: 0,
  processingMsTotal: 0,
  processingMsP95: 0,
  tryonsTop: 0,
  tryonsFull: 0,
  tryonsOnePiece: 0,
  ...f,
});

describe('days', () => {
  it('walks UTC days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysEnding('2027-01-02', 4)).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(dayBounds('2027-01-01')).toEqual({
      start: new Date('2027-01-01T00:00:00Z'),
      end: new Date('2027-01-02T00:00:00Z'),
    });
    expect(dayOf(new Date('2027-01-01T23:59:59.999Z'))).toBe('2027-01-01');
    expect(isDay('2027-02-30')).toBe(true); // Date.parse rolls over; only the shape is checked
    expect(isDay('2027-2-3')).toBe(false);
  });
});

describe('series', () => {
  it('derives success rate, average and p95, and the unfinished rest', () => {
    const p = toSeriesPoint(
      '2027-01-01',
      row('2027-01-01', {
        tryonsCreated: 10,
        tryonsCompleted: 6,
        tryonsFailed: 2,
        processedJobs: 6,
        processingMsTotal: 6000,
        processingMsP95: 2500,
      }),
    );
    expect(p).toMatchObject({
      computed: true,
      tryonsOther: 2,
      successRate: 0.75,
      avgProcessingMs: 1000,
      p95ProcessingMs: 2500,
    });
  });

  it('a day without a row is zeros and says it was not computed; rates are null, not 0', () => {
    expect(toSeriesPoint('2027-01-01', undefined)).toMatchObject({
      computed: false,
      tryonsCompleted: 0,
      successRate: null,
      avgProcessingMs: null,
      p95ProcessingMs: null,
    });
  });
});

describe('KPIs', () => {
  it('change is relative for amounts and in points for rates; no comparison from nothing', () => {
    expect(changeBetween(15, 10, 'relative')).toBeCloseTo(0.5);
    expect(changeBetween(0, 0, 'relative')).toBe(0);
    expect(changeBetween(5, 0, 'relative')).toBeNull();
    expect(changeBetween(0.9, 0.8, 'points')).toBeCloseTo(0.1);
    expect(changeBetween(null, 0.8, 'points')).toBeNull();
  });

  it('sums the period, measures rates over the period, and hides revenue without the permission', () => {
    const cur = totalsOf([
      row('a', {
        tryonsCompleted: 9,
        tryonsFailed: 1,
        processedJobs: 9,
        processingMsTotal: 9000,
        revenueCents: 500,
      }),
      undefined,
      row('b', {
        tryonsCompleted: 1,
        tryonsFailed: 1,
        processedJobs: 1,
        processingMsTotal: 3000,
        revenueCents: 250,
      }),
    ]);
    const prev = totalsOf([row('c', { tryonsCompleted: 5, tryonsFailed: 5, revenueCents: 1000 })]);
    const live = { p95ProcessingMs: 2000, activeUsers: 4 };
    const kpis = buildKpis(
      { totals: cur, live },
      { totals: prev, live: { p95ProcessingMs: 4000, activeUsers: 2 } },
      { revenue: true },
    );
    const by = Object.fromEntries(kpis.map((k) => [k.key, k]));
    expect(by.tryons).toMatchObject({ value: 10, previous: 5, change: 1 });
    expect(by.successRate!.value).toBeCloseTo(10 / 12);
    expect(by.successRate!.change).toBeCloseTo(10 / 12 - 0.5);
    expect(by.successRate!.changeKind).toBe('points');
    expect(by.avgProcessing).toMatchObject({
      value: 1200,
      previous: null,
      change: null,
      better: 'down',
    });
    expect(by.p95Processing).toMatchObject({ value: 2000, previous: 4000, change: -0.5 });
    expect(by.revenue).toMatchObject({
      value: 750,
      previous: 1000,
      change: -0.25,
      format: 'cents',
    });
    expect(by.activeUsers).toMatchObject({ value: 4, change: 1 });

    const noRevenue = buildKpis({ totals: cur, live }, null, { revenue: false });
    expect(noRevenue.map((k) => k.key)).not.toContain('revenue');
    expect(noRevenue.every((k) => k.change === null && k.previous === null)).toBe(true);
  });
});

describe('buildAnalytics', () => {
  const days = daysEnding('2027-01-07', 7);
  const previousDays = daysEnding('2026-12-31', 7);
  const live = {
    current: { p95ProcessingMs: 100, activeUsers: 1 },
    previous: { p95ProcessingMs: 100, activeUsers: 1 },
  };

  it('lists missing days, zeroes revenue without permission, and compares only with a complete previous period', () => {
    const rows = new Map<string, DayStats>();
    for (const d of days.slice(2)) rows.set(d, row(d, { tryonsCompleted: 1, revenueCents: 100 }));
    const a = buildAnalytics({
      range: 7,
      days,
      previousDays,
      rows,
      live,
      revenue: false,
      currency: 'usd',
    });
    expect(a.from).toBe('2027-01-01');
    expect(a.to).toBe('2027-01-07');
    expect(a.series).toHaveLength(7);
    expect(a.missingDays).toEqual(['2027-01-01', '2027-01-02']);
    expect(a.series.every((p) => p.revenueCents === 0)).toBe(true);
    expect(a.kpis.find((k) => k.key === 'tryons')).toMatchObject({ value: 5, previous: null });

    for (const d of previousDays) rows.set(d, row(d, { tryonsCompleted: 1 }));
    const b = buildAnalytics({
      range: 7,
      days,
      previousDays,
      rows,
      live,
      revenue: true,
      currency: 'usd',
    });
    expect(b.kpis.find((k) => k.key === 'tryons')).toMatchObject({ value: 5, previous: 7 });
    expect(b.kpis.find((k) => k.key === 'revenue')).toMatchObject({ value: 500, previous: 0 });
    expect(b.series.at(-1)!.revenueCents).toBe(100);
  });
});
