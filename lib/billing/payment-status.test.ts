import { describe, expect, it } from 'vitest';
import { creditsForAmount, derivePaymentStatus } from './payment-status';

describe('creditsForAmount', () => {
  it.each([
    [2_100, 3_780, 3_780, 2_100], // full refund: every credit
    [2_100, 3_780, 1_890, 1_050], // half
    [2_100, 3_780, 1, 1], // 0.56 credit → half up → 1
    [2_100, 3_780, 0, 0],
    [300, 600, 5, 3], // 2.5 → 3
    [300, 600, 9_999, 300], // more than paid: clamped
  ])('%i credits for %i¢, %i¢ back → %i credits', (credits, amount, part, expected) => {
    expect(creditsForAmount(credits, amount, part)).toBe(expected);
  });
});

describe('derivePaymentStatus', () => {
  const paidAt = new Date();
  it('ungranted payments say why', () => {
    expect(derivePaymentStatus({ status: 'created', amountCents: 600 })).toBe('created');
    expect(derivePaymentStatus({ status: 'pending', amountCents: 600 })).toBe('pending');
    expect(derivePaymentStatus({ status: 'pending', amountCents: 600, failedAt: new Date() })).toBe(
      'failed',
    );
    expect(
      derivePaymentStatus({ status: 'created', amountCents: 600, canceledAt: new Date() }),
    ).toBe('canceled');
    expect(
      derivePaymentStatus({ status: 'created', amountCents: 600, flaggedReason: 'amount' }),
    ).toBe('flagged');
  });
  it('granted payments tell the money story, whatever order the facts arrived in', () => {
    expect(derivePaymentStatus({ status: 'created', amountCents: 600, paidAt })).toBe('paid');
    expect(
      derivePaymentStatus({ status: 'refunded', amountCents: 600, paidAt, refundedCents: 600 }),
    ).toBe('refunded');
    expect(
      derivePaymentStatus({ status: 'paid', amountCents: 600, paidAt, refundedCents: 100 }),
    ).toBe('partially_refunded');
    expect(
      derivePaymentStatus({
        status: 'paid',
        amountCents: 600,
        paidAt,
        disputeStatus: 'needs_response',
      }),
    ).toBe('disputed');
    expect(
      derivePaymentStatus({ status: 'disputed', amountCents: 600, paidAt, disputeStatus: 'lost' }),
    ).toBe('disputed');
    expect(
      derivePaymentStatus({ status: 'disputed', amountCents: 600, paidAt, disputeStatus: 'won' }),
    ).toBe('paid');
    // A shortfall note does not hide that the money was refunded.
    expect(
      derivePaymentStatus({
        status: 'paid',
        amountCents: 600,
        paidAt,
        refundedCents: 600,
        flaggedReason: 'spent',
      }),
    ).toBe('refunded');
  });
});
