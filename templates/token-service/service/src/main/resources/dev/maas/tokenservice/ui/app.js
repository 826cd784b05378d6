// The MaaS self-service page. Every value the API returns is shown with textContent (never parsed as HTML), the
// credential lives in session storage and travels in the Authorization header only, and no script runs inline.
'use strict';

(function () {
  const CREDENTIAL = 'maas.credential';
  const PKCE = 'maas.pkce';
  const PAGES = ['signin', 'tier', 'models', 'quota', 'tokens', 'platform'];
  // The API sits one level above the page: /maas-api/ui/ calls /maas-api/v1/...
  const apiBase = new URL('../', window.location.href);
  const origin = window.location.origin;
  let uiConfig = { oidc: null };

  function $(id) { return document.getElementById(id); }

  /** An element with attributes and children; strings become text nodes, so nothing is ever read as markup. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') { e.className = v; } else if (k.startsWith('on')) { e.addEventListener(k.slice(2), v); } else { e.setAttribute(k, v); }
    }
    for (const c of children) {
      if (c === null || c === undefined) { continue; }
      e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(node, ...children) { node.replaceChildren(...children.filter((c) => c)); return node; }

  function status(text, isError) {
    const s = $('status');
    s.textContent = text || '';
    s.className = isError ? 'error' : '';
  }

  function credential() { return window.sessionStorage.getItem(CREDENTIAL); }

  /** Calls the API; resolves to {status, body}, where body is the parsed JSON or null. */
  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + credential() };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    const r = await fetch(new URL(path, apiBase), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store',
    });
    let parsed = null;
    const text = await r.text();
    if (text) { try { parsed = JSON.parse(text); } catch (e) { parsed = null; } }
    if (r.status === 401) {
      signOut('Your sign-in was refused or has expired. Sign in again.', true);
      throw new Error('unauthenticated');
    }
    return { status: r.status, body: parsed };
  }

  function errorText(r) {
    return (r.body && typeof r.body.error === 'string' ? r.body.error : 'the server answered ' + r.status);
  }

  /** The sentence shown where an endpoint is missing from this server's API. */
  function notAvailable(node, what) {
    clear(node, el('p', { class: 'hint', 'data-unavailable': 'true' }, what + ' not available on this server.'));
  }

  function date(seconds) {
    return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : '';
  }

  async function copy(text, what) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = el('textarea', { 'aria-hidden': 'true' }, text);
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    status(what + ' copied to the clipboard.');
  }

  function copyButton(text, what) {
    return el('button', { type: 'button', class: 'secondary', onclick: () => copy(text, what) }, 'Copy ' + what);
  }

  // ---- sign-in ----

  // A message for the page the next hash change shows: every other message belongs to the page it was shown on.
  let carried = null;

  function signOut(message, isError) {
    window.sessionStorage.removeItem(CREDENTIAL);
    $('nav').hidden = true;
    if (window.location.hash !== '#signin') {
      carried = message ? [message, isError] : null;
      window.location.hash = '#signin';
    } else if (message) {
      status(message, isError);
    }
    show('signin');
  }

  function signedIn(token) {
    window.sessionStorage.setItem(CREDENTIAL, token);
    $('nav').hidden = false;
    if (window.location.hash === '#tier') {
      status('Signed in.');
      route();
    } else {
      carried = ['Signed in.', false];
      window.location.hash = '#tier';
    }
  }

  function base64url(bytes) {
    let s = '';
    bytes.forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random() { return base64url(crypto.getRandomValues(new Uint8Array(32))); }

  function redirectUri() { return origin + window.location.pathname; }

  async function discovery(issuer) {
    const r = await fetch(issuer.replace(/\/$/, '') + '/.well-known/openid-configuration', { credentials: 'omit' });
    if (!r.ok) { throw new Error('the identity provider answered ' + r.status); }
    return r.json();
  }

  /** Authorization code with PKCE (S256): the verifier stays in this tab's session storage. */
  async function oidcStart() {
    const oidc = uiConfig.oidc;
    const meta = await discovery(oidc.issuerUrl);
    const verifier = random();
    const state = random();
    const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    window.sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
    const url = new URL(meta.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: 'openid profile email',
      code_challenge: challenge, code_challenge_method: 'S256', state,
    }).toString();
    window.location.assign(url.toString());
  }

  async function oidcFinish(params) {
    const saved = JSON.parse(window.sessionStorage.getItem(PKCE) || 'null');
    window.sessionStorage.removeItem(PKCE);
    window.history.replaceState(null, '', window.location.pathname + '#tier');
    if (!saved || saved.state !== params.get('state')) {
      throw new Error('the sign-in answer does not match the sign-in this page started');
    }
    const meta = await discovery(uiConfig.oidc.issuerUrl);
    const r = await fetch(meta.token_endpoint, {
      method: 'POST', credentials: 'omit',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: uiConfig.oidc.clientId, code_verifier: saved.verifier,
      }).toString(),
    });
    const tokens = await r.json();
    if (!r.ok) { throw new Error('the identity provider refused the code: ' + (tokens.error || r.status)); }
    signedIn(tokens.id_token || tokens.access_token);
  }

  // ---- pages ----

  /** What a limit counts, for people: "premium-requests · llama-70b". */
  function limitName(l) {
    return l.name + (l.model ? ' · ' + l.model : '');
  }

  function limitsTable(limits) {
    const rows = (limits || []).map((l) => el('tr', {}, el('td', {}, limitName(l)), el('td', {}, l.kind),
      el('td', {}, String(l.limit)), el('td', {}, l.window), el('td', {}, l.scope === 'shared' ? 'shared' : 'yours')));
    if (!rows.length) { return null; }
    return el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Limit'), el('th', { scope: 'col' }, 'Kind'),
      el('th', { scope: 'col' }, 'At most'), el('th', { scope: 'col' }, 'Per'), el('th', { scope: 'col' }, 'Counter'))),
    el('tbody', {}, ...rows));
  }

  async function tierPage() {
    const me = (await api('GET', 'v1/me')).body;
    const tier = me.tier;
    clear($('tier-facts'),
      el('dt', {}, 'User'), el('dd', { id: 'me-user' }, me.username),
      el('dt', {}, 'Groups'), el('dd', {}, (me.groups || []).join(', ') || '(none)'),
      el('dt', {}, 'Tier'), el('dd', { id: 'me-tier' }, tier ? tier.displayName + ' (' + tier.name + ')' : 'no tier: ask your platform team'),
      tier && tier.description ? el('dt', {}, 'About') : null, tier && tier.description ? el('dd', {}, tier.description) : null);
    const table = limitsTable(me.limits);
    if (table) { clear($('tier-limits'), table); } else if (!me.limits) { notAvailable($('tier-limits'), 'A list of limits is'); }
    else { clear($('tier-limits'), el('p', {}, 'No limit counts your calls.')); }
    clear($('tier-models'), ...(me.models || []).map((m) => el('li', {}, m.displayName + ' (' + m.id + ')')));
  }

  function curlSnippet(m, url) {
    if (/\/v1$/.test(m.url)) {
      return 'curl -sS ' + url + '/chat/completions \\\n  -H "Authorization: Bearer $MAAS_TOKEN" \\\n'
        + '  -H "Content-Type: application/json" \\\n  -d \'{"model": "' + m.id
        + '", "messages": [{"role": "user", "content": "Hello"}]}\'';
    }
    return 'curl -sS ' + url + ' \\\n  -H "Authorization: Bearer $MAAS_TOKEN" \\\n  -H "Content-Type: application/json" \\\n'
      + '  -d @request.json';
  }

  function openAiSnippet(m, url) {
    return 'import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url="' + url + '", api_key=os.environ["MAAS_TOKEN"])\n'
      + 'reply = client.chat.completions.create(model="' + m.id + '",\n'
      + '    messages=[{"role": "user", "content": "Hello"}])\nprint(reply.choices[0].message.content)';
  }

  async function modelsPage() {
    const me = (await api('GET', 'v1/me')).body;
    const cards = (me.models || []).map((m) => {
      const url = origin + m.url;
      const curl = curlSnippet(m, url);
      const card = el('article', { class: 'model', 'data-model': m.id },
        el('h3', {}, m.displayName + ' (' + m.id + ')'),
        el('p', {}, 'URL: ', el('code', { class: 'model-url' }, url)),
        el('h4', {}, 'curl'), el('pre', { class: 'snippet-curl', tabindex: '0' }, curl), copyButton(curl, 'curl snippet'));
      if (/\/v1$/.test(m.url)) {
        const py = openAiSnippet(m, url);
        card.append(el('h4', {}, 'OpenAI SDK (Python)'), el('pre', { class: 'snippet-openai', tabindex: '0' }, py),
          copyButton(py, 'OpenAI snippet'));
      }
      return card;
    });
    clear($('models-list'), ...(cards.length ? cards : [el('p', {}, 'Your tier allows no model.')]));
  }

  async function quotaPage() {
    const r = await api('GET', 'v1/usage');
    if (r.status === 404) { notAvailable($('quota-list'), 'Quota is'); return; }
    if (r.status !== 200) { clear($('quota-list'), el('p', { role: 'alert' }, 'Quota could not be read: ' + errorText(r))); return; }
    const bars = (r.body.limits || []).map((l, i) => {
      const max = Number(l.limit);
      const remaining = Math.max(0, Number(l.remaining));
      const id = 'quota-' + i;
      const resets = l.resetsInSeconds == null ? 'nothing counted in this window yet' : 'window ends in ' + l.resetsInSeconds + ' s';
      return el('div', { class: 'quota', 'data-limit': l.name, 'data-window': l.window, 'data-remaining': String(remaining) },
        el('label', { for: id }, limitName(l) + ': ' + l.kind + ' per ' + l.window + (l.scope === 'shared' ? ' (shared)' : '')),
        el('progress', { id, max: String(max > 0 ? max : 1), value: String(remaining) }, remaining + ' of ' + max),
        el('p', { class: 'hint' }, remaining + ' of ' + max + ' left · ' + resets));
    });
    clear($('quota-list'), ...(bars.length ? bars : [el('p', {}, 'No limit counts your calls.')]));
  }

  function showSecret(secret) {
    $('secret-value').textContent = secret;
    $('secret-box').hidden = false;
    $('secret-value').focus();
  }

  async function tokensPage() {
    const r = await api('GET', 'v1/tokens');
    const tokens = r.status === 200 ? r.body.tokens || [] : [];
    const rows = tokens.map((t) => el('tr', { 'data-jti': t.jti }, el('td', {}, t.label || ''), el('td', {}, t.tier || ''),
      el('td', {}, date(t.expiresAt)), el('td', {}, el('button', {
        type: 'button', class: 'secondary', 'aria-label': 'Revoke token ' + (t.label || t.jti),
        onclick: () => revoke('v1/tokens/' + encodeURIComponent(t.jti), 'Token'),
      }, 'Revoke'))));
    clear($('token-list'), rows.length ? el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Label'), el('th', { scope: 'col' }, 'Tier'), el('th', { scope: 'col' }, 'Expires'),
      el('th', { scope: 'col' }, ''))), el('tbody', {}, ...rows))) : el('p', { class: 'hint' }, 'No token yet.'));
    const k = await api('GET', 'v1/api-keys');
    if (k.status === 404) {
      notAvailable($('key-list'), 'API keys are');
      $('key-create').hidden = true;
      return;
    }
    // Revoked keys stay listed by the service until they expire, so that no replica revives them.
    const keys = (k.status === 200 ? k.body.apiKeys || [] : []).filter((key) => !key.revoked);
    const keyRows = keys.map((key) => el('tr', {}, el('td', {}, key.name || key.label || ''), el('td', {}, key.tier || ''),
      el('td', {}, date(key.expiresAt)), el('td', {}, el('button', {
        type: 'button', class: 'secondary', 'aria-label': 'Revoke key ' + (key.name || key.id),
        onclick: () => revoke('v1/api-keys/' + encodeURIComponent(key.id), 'Key'),
      }, 'Revoke'))));
    clear($('key-list'), keyRows.length ? el('div', { class: 'scroll' }, el('table', {}, el('tbody', {}, ...keyRows)))
      : el('p', { class: 'hint' }, 'No key yet.'));
  }

  async function revoke(path, what) {
    const r = await api('DELETE', path);
    status(r.status < 300 ? what + ' revoked.' : what + ' not revoked: ' + errorText(r), r.status >= 300);
    await tokensPage();
  }

  async function createToken(event) {
    event.preventDefault();
    const body = {};
    if ($('token-label').value.trim()) { body.label = $('token-label').value.trim(); }
    if ($('token-ttl').value.trim()) { body.ttl = $('token-ttl').value.trim(); }
    const r = await api('POST', 'v1/tokens', body);
    if (r.status !== 201 && r.status !== 200) { status('No token: ' + errorText(r), true); return; }
    status('Token created.');
    $('token-create').reset();
    showSecret(r.body.token);
    await tokensPage();
  }

  async function createKey(event) {
    event.preventDefault();
    const r = await api('POST', 'v1/api-keys', { name: $('key-name').value.trim() || 'key' });
    if (r.status === 404) { status('API keys are not available on this server.', true); return; }
    if (r.status >= 300) { status('No key: ' + errorText(r), true); return; }
    status('Key created.');
    $('key-create').reset();
    showSecret(r.body.key || '');
    await tokensPage();
  }

  async function platformPage() {
    const r = await api('GET', 'v1/tiers');
    const tiers = r.body.tiers || [];
    const models = [];
    tiers.forEach((t) => (t.models || []).forEach((m) => { if (!models.includes(m)) { models.push(m); } }));
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Tier'), el('th', { scope: 'col' }, 'Limits'),
      ...models.map((m) => el('th', { scope: 'col' }, m)));
    const rows = tiers.map((t) => {
      const limits = [];
      for (const [kind, list] of Object.entries(t.limits || {})) {
        (Array.isArray(list) ? list : [list]).forEach((l) => limits.push(kind + ' ' + (l.limit ?? '') + '/' + (l.window ?? '')));
      }
      return el('tr', {}, el('th', { scope: 'row' }, t.displayName + ' (' + t.name + ')'),
        el('td', {}, limits.join(', ') || '—'),
        ...models.map((m) => {
          const allowed = (t.models || []).includes(m);
          return el('td', { 'aria-label': allowed ? 'allowed' : 'not allowed' }, allowed ? '✓' : '—');
        }));
    });
    clear($('platform-matrix'), el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
  }

  const RENDER = { tier: tierPage, models: modelsPage, quota: quotaPage, tokens: tokensPage, platform: platformPage };

  function show(name) {
    PAGES.forEach((p) => { $('page-' + p).hidden = p !== name; });
    document.querySelectorAll('nav a').forEach((a) => {
      if (a.getAttribute('href') === '#' + name) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
  }

  async function route() {
    let name = window.location.hash.replace('#', '') || 'tier';
    if (!PAGES.includes(name)) { name = 'tier'; }
    if (!credential()) { name = 'signin'; }
    $('nav').hidden = !credential();
    show(name);
    if (RENDER[name]) {
      try {
        await RENDER[name]();
        document.body.setAttribute('data-page', name);
      } catch (e) {
        if (e.message !== 'unauthenticated') { status('The page could not load: ' + e.message, true); }
      }
    } else {
      document.body.setAttribute('data-page', name);
    }
    $('main').focus();
  }

  async function start() {
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('k8s-token').value.trim();
      $('k8s-token').value = '';
      if (token) { signedIn(token); }
    });
    $('signout').addEventListener('click', () => signOut('Signed out.'));
    $('token-create').addEventListener('submit', (e) => createToken(e).catch((x) => status(x.message, true)));
    $('key-create').addEventListener('submit', (e) => createKey(e).catch((x) => status(x.message, true)));
    $('secret-copy').addEventListener('click', () => copy($('secret-value').textContent, 'Secret'));
    $('secret-hide').addEventListener('click', () => { $('secret-value').textContent = ''; $('secret-box').hidden = true; });
    $('quota-refresh').addEventListener('click', () => quotaPage());
    $('oidc-signin').addEventListener('click', () => oidcStart().catch((x) => status('Sign-in failed: ' + x.message, true)));
    window.addEventListener('hashchange', () => {
      status(...(carried || ['']));
      carried = null;
      route();
    });
    try {
      const r = await fetch(new URL('ui/config.json', apiBase), { credentials: 'omit' });
      if (r.ok) { uiConfig = await r.json(); }
    } catch (e) {
      uiConfig = { oidc: null };
    }
    if (uiConfig.oidc) {
      $('oidc-issuer').textContent = uiConfig.oidc.issuerUrl;
      $('oidc-box').hidden = false;
    }
    const params = new URLSearchParams(window.location.search);
    if (params.has('code') && uiConfig.oidc) {
      try {
        await oidcFinish(params);
        return;
      } catch (e) {
        status('Sign-in failed: ' + e.message, true);
      }
    }
    await route();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
