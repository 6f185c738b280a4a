import { describe, expect, it } from 'vitest';
import { playgroundCurl } from './curl';

const base = {
  origin: 'https://trailroom.example',
  method: 'post' as const,
  url: '/api/v1/tryon',
  headers: {
    'x-api-key': '$TRAILROOM_API_KEY',
    'Idempotency-Key': 'abc',
    'content-type': 'application/json',
  },
  imageFields: ['user_image', 'top_image', 'bottom_image'],
};

describe('playgroundCurl', () => {
  it('uploads picked files as multipart, by their own names', () => {
    const { command, files } = playgroundCurl({
      ...base,
      body: JSON.stringify({ mode: 'top', user_image: '<attached: me.png>', top_image: '<x>' }),
      attached: { user_image: { name: 'me.png', placeholder: '<attached: me.png>' } },
    });
    expect(command).toBe(
      [
        `curl -sS -X POST 'https://trailroom.example/api/v1/tryon'`,
        `-H "x-api-key: $TRAILROOM_API_KEY"`,
        `-H 'Idempotency-Key: abc'`,
        `-F 'mode=top'`,
        `-F 'user_image=@me.png'`,
        `-F 'top_image=@top.jpg'`,
      ].join(' \\\n  '),
    );
    expect(command).not.toContain('content-type');
    expect(command).not.toContain('<');
    expect(files).toEqual(['me.png', 'top.jpg']);
  });

  it("prints stand-in names for the example's placeholders", () => {
    const { command, files } = playgroundCurl({
      ...base,
      body: JSON.stringify({ mode: 'full', user_image: '<pick a file>', top_image: '<pick>' }),
      attached: {},
    });
    expect(command).toContain(`-F 'user_image=@person.jpg'`);
    expect(files).toEqual(['person.jpg', 'top.jpg']);
  });

  it('keeps JSON when every image is a URL or a data: URI, and for bodies that are not JSON', () => {
    const body = JSON.stringify({
      mode: 'top',
      user_image: 'https://img.example/me.jpg',
      top_image: 'data:image/png;base64,AAAA',
    });
    const json = playgroundCurl({ ...base, body, attached: {} });
    expect(json.files).toEqual([]);
    expect(json.command).toContain(`--data '${body}'`);
    expect(playgroundCurl({ ...base, body: '{ "mode": ', attached: {} }).command).toContain(
      `--data '{ "mode": '`,
    );
  });

  it('quotes values for the shell', () => {
    const { command } = playgroundCurl({
      ...base,
      body: JSON.stringify({ mode: "it's", user_image: '<x>' }),
      attached: {},
    });
    expect(command).toContain(`-F 'mode=it'\\''s'`);
  });
});
