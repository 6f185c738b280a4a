// A local OpenID Connect server standing in for Google in end-to-end tests
// (oauth2-mock-server: real discovery, JWKS, PKCE and signed ID tokens).
// The Google provider reaches it through GOOGLE_ISSUER. Tests choose who
// "signs in at Google" next, or that the person cancels consent, by POSTing
// to /__test/next-login before starting the flow:
//   { email, name?, sub?, picture?, email_verified? }  or  { deny: true }
import { Events, OAuth2Server } from 'oauth2-mock-server';

const DEFAULT_IDENTITY = {
  email: 'google.user@example.com',
  name: 'Google User',
  sub: 'google-default-sub',
};

export async function startMockGoogle({ port, host = 'localhost' }) {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  const queue = [];
  const byCode = new Map();

  server.service.addRoute('POST', '/__test/next-login', (req, res) => {
    queue.push(req.body ?? {});
    res.writeHead(204).end();
  });
  server.service.addRoute('POST', '/__test/reset', (_req, res) => {
    queue.length = 0;
    byCode.clear();
    res.writeHead(204).end();
  });

  server.service.on(Events.BeforeAuthorizeRedirect, ({ url }) => {
    const next = queue.shift() ?? DEFAULT_IDENTITY;
    if (next.deny) {
      // What Google sends when the person clicks "Cancel" on the consent screen.
      url.searchParams.delete('code');
      url.searchParams.set('error', 'access_denied');
      return;
    }
    const code = url.searchParams.get('code');
    if (code) byCode.set(code, next);
  });

  server.service.on(Events.BeforeTokenSigning, (token, req) => {
    const who = byCode.get(req.body?.code);
    if (!who) return;
    Object.assign(token.payload, {
      sub: who.sub ?? `google-${who.email}`,
      email: who.email,
      email_verified: who.email_verified ?? true,
      ...(who.name ? { name: who.name } : {}),
      ...(who.picture ? { picture: who.picture } : {}),
    });
  });

  await server.start(port, host);
  return { issuer: server.issuer.url, stop: () => server.stop() };
}
