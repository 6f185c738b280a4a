import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { Asset, CreditTransaction, Membership, TryonJob, membershipId } from '@/models';
import { getBalance, grantPurchasedCredits } from '@/lib/credits';
import { normalizeImage } from '@/lib/images';
import { putImage } from '@/lib/storage';
import { createTestUser, sessionToken, SESSION_COOKIE } from '@/lib/testing/session-request';
import { makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { ACCOUNT_COOKIE, createOrganization } from '@/lib/orgs';
import { POST } from '@/app/api/v1/tryon/route';

beforeAll(async () => {
  await seedPrompts();
});

describe('a try-on in organisation context', () => {
  it('spends the organisation’s credits, records the member, and copies their own photo into an org asset', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const org = await createOrganization({ userId: owner._id.toString(), name: 'Try-on Shop' });
    const memberId = member._id.toString();
    await Membership.create({
      _id: membershipId(org.id, memberId),
      orgId: org.id,
      userId: memberId,
      role: 'member',
    });
    await grantPurchasedCredits({
      userId: org.id,
      credits: 10,
      idempotencyKey: `purchase:fixture-${org.id}`,
      description: 'fixture',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
    const personalBefore = await getBalance(memberId);
    // A photo the member keeps in their own account (as My photos does).
    const mine = await putImage({
      ownerId: memberId,
      kind: 'input',
      image: await normalizeImage(await makeImage('#c8a27a')),
    });

    const form = new FormData();
    form.set('mode', 'top');
    form.set('user_image', `asset:${mine.id}`);
    form.set(
      'top_image',
      new Blob([new Uint8Array(await makeImage('#1f6feb'))], { type: 'image/png' }),
      'top.png',
    );
    const res = await POST(
      new NextRequest('http://localhost:3000/api/v1/tryon', {
        method: 'POST',
        headers: {
          cookie: `${SESSION_COOKIE}=${await sessionToken(member)}; ${ACCOUNT_COOKIE}=${org.id}`,
          origin: 'http://localhost:3000',
        },
        body: form,
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const job = await TryonJob.findById(id).lean().orFail();
    expect(job.userId.toString()).toBe(org.id);
    expect(job.actorUserId?.toString()).toBe(memberId);
    // The input is the organisation's copy; the member's photo stays theirs.
    const input = job.inputs!.userImageId!.toString();
    expect(input).not.toBe(mine.id);
    expect((await Asset.findById(input).lean().orFail()).ownerId.toString()).toBe(org.id);
    expect((await Asset.findById(mine.id).lean().orFail()).ownerId.toString()).toBe(memberId);
    // The organisation paid, in an entry naming the member; the person's own balance did not move.
    expect((await getBalance(org.id)).paid).toBe(9);
    expect((await getBalance(memberId)).total).toBe(personalBefore.total);
    const usage = await CreditTransaction.findOne({ idempotencyKey: `usage:${id}` })
      .lean()
      .orFail();
    expect(usage.userId.toString()).toBe(org.id);
    expect(usage.actor).toMatchObject({ type: 'user', id: memberId });
  });
});
