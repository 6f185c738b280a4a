import mongoose, { Schema, type Model } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAtNextSeq, claimWithStaleness, connectDb, insertOnce, seqId } from '@/lib/db';

// Throwaway collections: the primitives are generic over any model with a unique `_id`.
interface OnceDoc {
  _id: string;
  by: number;
}
interface SeqDoc {
  _id: string;
  owner: string;
  seq: number;
  by: number;
}

// Plain throwaway models: a generic `Model<T>` helper here made tsc compare
// whole Mongoose model types (minutes, gigabytes); reads say their type with lean<T>().
type Row = Record<string, unknown>;
function model(name: string, schema: Schema): Model<Row> {
  return (mongoose.models[name] as Model<Row> | undefined) ?? mongoose.model<Row>(name, schema);
}

const Once = model('PrimitiveOnce', new Schema({ _id: String, by: Number }, { versionKey: false }));
const Seq = model(
  'PrimitiveSeq',
  new Schema({ _id: String, owner: String, seq: Number, by: Number }, { versionKey: false }),
);
const Claim = model(
  'PrimitiveClaim',
  new Schema({ _id: String, holder: String, claimedAt: Date }, { versionKey: false }),
);

beforeAll(async () => {
  await connectDb();
  for (const m of [Once, Seq, Claim]) await m.createCollection().catch(() => undefined);
});

describe('insertOnce (real server)', () => {
  it('50 concurrent inserts of one key: exactly one inserted, 49 existing', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => insertOnce<OnceDoc>(Once, { _id: 'the-key', by: i })),
    );
    const inserted = results.filter((r) => r.status === 'inserted');
    expect(inserted).toHaveLength(1);
    expect(results.filter((r) => r.status === 'existing')).toHaveLength(49);
    const stored = await Once.find({ _id: 'the-key' }).lean<OnceDoc[]>();
    expect(stored).toHaveLength(1);
    expect(inserted[0]?.status === 'inserted' && inserted[0].doc.by).toBe(stored[0]?.by);
  });

  it('rethrows errors other than a duplicate key', async () => {
    await expect(insertOnce(Once, { _id: { $bad: 1 }, by: 1 })).rejects.toThrow();
  });
});

describe('appendAtNextSeq (real server)', () => {
  const head = async (owner: string) => {
    const last = await Seq.findOne({ owner }).sort({ seq: -1 }).lean<SeqDoc>();
    return { seq: last?.seq ?? 0 };
  };
  const append = (owner: string, by: number) =>
    appendAtNextSeq<{ seq: number }, number>({
      readHead: () => head(owner),
      maxAttempts: 500,
      exhausted: () => new Error('gave up'),
      tryAppend: async (h) => {
        const seq = h.seq + 1;
        const r = await insertOnce(Seq, { _id: seqId(owner, seq), owner, seq, by });
        return r.status === 'inserted' ? { done: seq } : { taken: true };
      },
    });

  it('30 concurrent appends: gap-free seqs 1..30, one per writer', async () => {
    const seqs = await Promise.all(Array.from({ length: 30 }, (_, i) => append('owner-a', i)));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const rows = await Seq.find({ owner: 'owner-a' }).sort({ seq: 1 }).lean<SeqDoc[]>();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.map((r) => r._id)).toEqual(rows.map((r) => `owner-a:${r.seq}`));
    expect(new Set(rows.map((r) => r.by)).size).toBe(30);
  });

  it('owners do not share a sequence', async () => {
    await Promise.all([append('owner-b', 1), append('owner-c', 2), append('owner-b', 3)]);
    expect((await head('owner-b')).seq).toBe(2);
    expect((await head('owner-c')).seq).toBe(1);
  });

  it('stops with the exhausted error when every try loses', async () => {
    await expect(
      appendAtNextSeq({
        readHead: async () => ({ seq: 0 }),
        tryAppend: async () => ({ taken: true }),
        maxAttempts: 3,
        exhausted: () => new Error('busy'),
      }),
    ).rejects.toThrow('busy');
  });
});

describe('claimWithStaleness (real server)', () => {
  const lease = 60_000;
  const t0 = new Date('2026-03-01T00:00:00.000Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const claim = (key: string, holder: string, now: Date) =>
    claimWithStaleness(Claim, key, { holder }, { leaseMs: lease, now });

  it('20 concurrent claims: one wins', async () => {
    const won = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claim('work-1', `h${i}`, t0)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('is taken over only after the lease, by one of the racers, once per lease', async () => {
    expect(await claim('work-2', 'first', t0)).toBe(true);
    expect(await claim('work-2', 'early', at(lease - 1))).toBe(false);
    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claim('work-2', `r${i}`, at(lease + 5))),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
    // Still within the first takeover's lease: nobody else.
    expect(await claim('work-2', 'late', at(2 * lease - 1))).toBe(false);
    expect(await claim('work-2', 'next', at(2 * lease))).toBe(true);
    expect(await Claim.countDocuments({ _id: /^work-2/ })).toBe(3);
  });

  it('without a lease a claim is forever', async () => {
    expect(await claimWithStaleness(Claim, 'work-3', { holder: 'a' }, { now: t0 })).toBe(true);
    expect(
      await claimWithStaleness(Claim, 'work-3', { holder: 'b' }, { now: at(10 * lease) }),
    ).toBe(false);
  });
});
