import mongoose from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_MODELS, AuditLog, User } from '@/models';
import { waitsForConnection } from '@/models/connect-first';
import { disconnectDb } from './connect';

// Domain code never calls connectDb(): each model operation opens the one
// connection of the process when it is not open yet (models/connect-first.ts).
describe('models connect on first use (real server)', () => {
  beforeEach(async () => {
    await disconnectDb();
    expect(mongoose.connection.readyState).toBe(0);
  });

  it('every model waits for the connection', () => {
    const missing = ALL_MODELS.filter((m) => !waitsForConnection(m.schema)).map((m) => m.modelName);
    expect(missing).toEqual([]);
  });

  it('without it, a query on a closed connection fails (bufferCommands is off)', async () => {
    const Bare = mongoose.model('BareProbe', new mongoose.Schema({ n: Number }));
    await expect(Bare.findOne({}).lean()).rejects.toThrow(/connect/);
  });

  it('a query on a closed connection connects first', async () => {
    expect(await User.findById(new mongoose.Types.ObjectId()).lean()).toBeNull();
    expect(mongoose.connection.readyState).toBe(1);
  });

  it('create, insertMany, bulkWrite, updateOne, countDocuments, distinct and aggregate connect first', async () => {
    const email = `first-${Date.now()}@example.com`;
    await User.create({ email });
    await disconnectDb();
    await AuditLog.insertMany([
      { actorId: new mongoose.Types.ObjectId(), action: 'x.y', entityType: 't', entityId: '1' },
    ]);
    await disconnectDb();
    await User.bulkWrite([
      { updateOne: { filter: { email }, update: { $set: { name: 'First' } } } },
    ]);
    await disconnectDb();
    await User.updateOne({ email }, { $set: { name: 'Again' } });
    await disconnectDb();
    expect(await User.countDocuments({ email })).toBe(1);
    await disconnectDb();
    expect(await User.distinct('name', { email })).toEqual(['Again']);
    await disconnectDb();
    const rows = await User.aggregate<{ n: number }>([
      { $match: { email } },
      { $group: { _id: null, n: { $sum: 1 } } },
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('many first queries at once share one connection', async () => {
    const opened: unknown[] = [];
    mongoose.connection.on('open', () => opened.push(1));
    await Promise.all(
      Array.from({ length: 20 }, () => User.findById(new mongoose.Types.ObjectId()).lean()),
    );
    mongoose.connection.removeAllListeners('open');
    expect(opened.length).toBeLessThanOrEqual(1);
    expect(mongoose.connection.readyState).toBe(1);
  });
});
