// An OpenID Connect provider for the Web UI's browser test: node oidc-provider.mjs PORT REDIRECT_URI
// One public client, `maas-ui`, with the authorization-code flow and PKCE (S256); any login and password sign in
// (the library's development interactions), and every account is in the group premium-users.
import Provider from 'oidc-provider';

const [port, redirect] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const origin = new URL(redirect).origin;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'maas-ui',
    token_endpoint_auth_method: 'none',
    redirect_uris: [redirect],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  // The page exchanges the code from its own origin; only that origin may read the token endpoint's answer.
  clientBasedCORS: (ctx, requestOrigin) => requestOrigin === origin,
  claims: { openid: ['sub'], profile: ['name', 'groups'] },
  // The ID token carries the profile claims, as the gateway's AuthPolicy reads groups from the token.
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, name: id, groups: ['premium-users'] }),
  }),
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['browser-test-only'] },
});

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
