import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '@/lib/testing/session-request';
import { Payment, TryonJob } from '@/models';
import { auditEntityLabels, shortId } from './audit-entity-labels';

describe('auditEntityLabels', () => {
  it('names people by email, jobs and payments with their owner, prompts by name — linked', async () => {
    const person = await createTestUser({ email: 'label.owner@example.test' });
    const userId = person._id.toString();
    // Only the fields the labels read: the owner, and a payment's amount.
    const jobId = new Types.ObjectId().toString();
    const paymentId = new Types.ObjectId().toString();
    await TryonJob.collection.insertOne({ _id: new Types.ObjectId(jobId), userId: person._id });
    await Payment.collection.insertOne({
      _id: new Types.ObjectId(paymentId),
      userId: person._id,
      amountCents: 600,
      currency: 'usd',
    });
    const labels = await auditEntityLabels([
      { entity: { type: 'user', id: userId } },
      { entity: { type: 'tryon_job', id: jobId } },
      { entity: { type: 'payment', id: paymentId } },
      { entity: { type: 'prompt', id: 'top_only:v3' } },
      { entity: { type: 'ledger', id: null } },
      { entity: { type: 'user', id: '0123456789abcdef01234567' } },
    ]);
    expect(labels.get(`user:${userId}`)).toEqual({
      label: 'label.owner@example.test',
      href: `/admin/users/${userId}`,
    });
    expect(labels.get(`tryon_job:${jobId}`)).toEqual({
      label: `Job ${shortId(jobId)} · label.owner@example.test`,
      href: `/admin/jobs/${jobId}`,
    });
    expect(labels.get(`payment:${paymentId}`)).toEqual({
      label: 'Payment $6.00 · label.owner@example.test',
      href: `/admin/payments/${paymentId}`,
    });
    expect(labels.get('prompt:top_only:v3')).toEqual({
      label: 'Top-only prompt v3',
      href: '/admin/prompts/top_only',
    });
    expect(labels.get('ledger:')?.href).toBe('/admin/ledger');
    expect(labels.get('user:0123456789abcdef01234567')?.label).toBe('Deleted person 01…67');
    expect(shortId(jobId)).toBe(`${jobId.slice(0, 2)}…${jobId.slice(-2)}`);
  });
});
