import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { Asset, Payment, TryonJob, type PaymentDoc, type TryonJobDoc } from '@/models';
import { SupportMessage, type SupportMessageDoc } from '@/models/support-message';
import { listApiKeys } from '@/lib/apikeys';
import {
  getBalance,
  iterateTransactions,
  serializeBalance,
  serializeTransaction,
} from '@/lib/credits';
import { toPaymentJson } from '@/lib/billing/serialize';
import { listPhotos, serializePhoto } from '@/lib/photos';
import { getImageForOwner } from '@/lib/storage';
import { serializeSupportMessage } from '@/lib/support/serialize';
import { serializeJob } from '@/lib/tryon/serialize';
import { listWebhookEndpoints } from '@/lib/webhooks';
import { getUserOrThrow } from './get-user-or-throw';
import { serializeAccount } from './serialize';

/** One file of the export: JSON and text are deflated; images (already compressed) are stored. */
export interface ExportFile {
  name: string;
  data: Uint8Array;
  compress: boolean;
  mtime?: Date;
}

const EXTENSIONS: Record<string, string> = {
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const json = (name: string, value: unknown): ExportFile => ({
  name,
  data: strToU8(`${JSON.stringify(value, null, 2)}\n`),
  compress: true,
});

const README = `Your TrailRoom data
===================

profile.json          your account: email, name, sign-in provider, role, dates, credit balance
ledger.json           every change of your credits (free, purchases, try-ons, refunds, adjustments)
jobs.json             your try-on jobs (mode, status, credits, times; the image files are in images/)
payments.json         your credit purchases
api-keys.json         your API keys: name, prefix, dates, usage. Never the keys themselves: we keep
                      only a fingerprint of each key.
webhooks.json         your webhook endpoints (URL, events, state). Never their signing secrets.
support-messages.json what you wrote to support
saved-photos.json     the photos you chose to keep (My photos) and until when; the files are in
                      images/inputs/
images/inputs/        the photos you uploaded (as stored: re-encoded WebP, metadata removed)
images/outputs/       the try-on results

Deleting your account (on the Account page) removes all of this except payment and credit
records, which are kept for accounting without anything that identifies you.
`;

/**
 * Everything TrailRoom keeps about a person, one file at a time: JSON for the
 * records, then each image (read one by one, so memory holds one image).
 * Secrets never appear: API keys by prefix only, webhook endpoints without
 * their signing secret.
 */
export async function* accountExportFiles(userId: string): AsyncGenerator<ExportFile> {
  const user = await getUserOrThrow(userId);
  const exportedAt = new Date();
  yield { name: 'README.txt', data: strToU8(README), compress: true, mtime: exportedAt };
  yield json('profile.json', {
    exported_at: exportedAt.toISOString(),
    account: serializeAccount(user),
    status: user.status,
    credits: serializeBalance(await getBalance(userId)),
  });

  const ledger = [];
  for await (const entry of iterateTransactions(userId, {}))
    ledger.push(serializeTransaction(entry));
  yield json('ledger.json', ledger);

  const jobs = await TryonJob.find({ userId }).sort({ createdAt: -1 }).lean<TryonJobDoc[]>();
  yield json('jobs.json', jobs.map(serializeJob));

  const payments = await Payment.find({ userId }).sort({ createdAt: -1 }).lean<PaymentDoc[]>();
  yield json('payments.json', payments.map(toPaymentJson));

  yield json('api-keys.json', await listApiKeys(userId));
  yield json('webhooks.json', await listWebhookEndpoints(userId));

  const messages = await SupportMessage.find({ userId })
    .sort({ createdAt: -1 })
    .lean<SupportMessageDoc[]>();
  yield json('support-messages.json', messages.map(serializeSupportMessage));
  yield json('saved-photos.json', (await listPhotos(userId)).map(serializePhoto));

  // Ids first (no bytes), then each image by `_id` with the owner check.
  const assets = await Asset.find({ ownerId: user._id }, { _id: 1 })
    .sort({ createdAt: 1 })
    .lean<Array<{ _id: { toString(): string } }>>();
  for (const a of assets) {
    const image = await getImageForOwner(a._id.toString(), userId).catch(() => null);
    if (!image) continue; // deleted meanwhile
    const ext = EXTENSIONS[image.contentType] ?? 'bin';
    yield {
      name: `images/${image.kind}s/${image.id}.${ext}`,
      data: image.data,
      compress: false,
      mtime: image.createdAt,
    };
  }
}

/**
 * The export as a zip, streamed: each pull adds one file, so a slow download
 * holds back the database reads instead of buffering the archive.
 */
export function accountExportZip(userId: string): ReadableStream<Uint8Array> {
  const files = accountExportFiles(userId);
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await files.next();
      if (next.done) {
        zip.end();
        return;
      }
      const f = next.value;
      const entry = f.compress ? new ZipDeflate(f.name, { level: 6 }) : new ZipPassThrough(f.name);
      if (f.mtime) entry.mtime = f.mtime;
      zip.add(entry);
      entry.push(f.data, true);
    },
    async cancel() {
      zip.terminate();
      await files.return(undefined);
    },
  });
}
