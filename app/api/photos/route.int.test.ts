import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { makeImage } from '@/lib/testing/tryon-fixtures';
import {
  callRoute,
  createTestUser,
  SESSION_COOKIE,
  sessionToken,
} from '@/lib/testing/session-request';
import { GET, POST } from './route';
import { DELETE } from './[id]/route';

const origin = new URL(env.APP_URL).origin;

async function signedIn() {
  const user = await createTestUser();
  return { id: user._id.toString(), token: await sessionToken(user) };
}

async function save(token: string, retention: string) {
  const form = new FormData();
  form.set('image', new Blob([new Uint8Array(await makeImage('#9b5de5'))]), 'me.png');
  form.set('retention', retention);
  const req = new NextRequest(new URL('/api/photos', origin), {
    method: 'POST',
    headers: { cookie: `${SESSION_COOKIE}=${token}`, origin },
    body: form,
  });
  const res = await POST(req, { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/api/photos', () => {
  it('saves, lists and deletes the caller’s photos; another person gets 404', async () => {
    const owner = await signedIn();
    const stranger = await signedIn();

    const created = await save(owner.token, '1y');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ retention: '1y', width: 480, height: 640 });
    const id = created.body.id as string;

    const list = await callRoute(GET, '/api/photos', { token: owner.token });
    expect(list.status).toBe(200);
    expect((list.body as { data: Array<{ id: string }> }).data.map((p) => p.id)).toEqual([id]);
    const theirs = await callRoute(GET, '/api/photos', { token: stranger.token });
    expect((theirs.body as { data: unknown[] }).data).toEqual([]);

    const del = (token: string) =>
      callRoute(DELETE, `/api/photos/${id}`, {
        method: 'DELETE',
        token,
        params: { id },
        headers: { origin },
      });
    expect((await del(stranger.token)).status).toBe(404);
    const mine = await del(owner.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id, deleted: true });
    expect((await del(owner.token)).status).toBe(404);
  });

  it('refuses an unknown retention and a request without a session', async () => {
    const owner = await signedIn();
    expect((await save(owner.token, 'week')).status).toBe(400);
    expect((await callRoute(GET, '/api/photos')).status).toBe(401);
  });
});
