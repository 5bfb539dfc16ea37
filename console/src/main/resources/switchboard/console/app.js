// Switchboard console. Every piece of event content is set as text (textContent / text nodes), never as
// HTML; the Content-Security-Policy allows no inline script besides. No build step: a plain ES module.

const state = { csrf: null, workspace: null, live: null, next: null };

/** An element; string and number children become text nodes, never markup. */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'href') e.setAttribute('href', String(v).startsWith('#') ? v : '#');
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const badge = (text) => el('span', { class: 'badge ' + String(text).replace(/\s+/g, '-') }, text);
const main = () => document.getElementById('main');
function show(...nodes) { main().replaceChildren(...nodes); }

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (state.csrf) headers['X-CSRF-Token'] = state.csrf;
  }
  const res = await fetch('/api' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) {
    // to the login view, keeping a failed login link's note, and back to the page wanted once logged in
    if (!location.hash.startsWith('#/login')) { state.next = location.hash; location.hash = '#/login'; }
    throw new Error(data.message || 'log in');
  }
  if (!res.ok) throw new Error(data.message || ('HTTP ' + res.status));
  return data;
}

/** Pretty JSON of a text, or the text itself when it is not JSON. */
function pretty(text) {
  if (text === null || text === undefined) return '';
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return String(text); }
}

/** A block that shows a payload pretty or raw, switchable. */
function payload(title, text) {
  const pre = el('pre', { class: 'payload' }, pretty(text));
  let raw = false;
  const toggle = el('button', { class: 'secondary', type: 'button', on: { click: () => {
    raw = !raw; pre.textContent = raw ? String(text) : pretty(text); toggle.textContent = raw ? 'Pretty' : 'Raw';
  } } }, 'Raw');
  return el('div', {}, el('h3', {}, title, ' ', toggle), pre);
}

// ---------- routing ----------

const routes = [
  [/^#\/login/, loginView],
  [/^#\/workspace$/, workspaceView],
  [/^#\/sources\/([^/]+)$/, (m) => debuggerView(decodeURIComponent(m[1]))],
  [/^#\/destinations\/([^/]+)$/, (m) => deliveryView(decodeURIComponent(m[1]))],
  [/^#\/dead-letters\/([^/]+)$/, (m) => deadLettersView(decodeURIComponent(m[1]))],
  [/^#\/trace\/(.+)$/, (m) => traceView(decodeURIComponent(m[1]))],
];

async function route() {
  if (state.live) { state.live.close(); state.live = null; }
  const hash = location.hash || '#/workspace';
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) {
      try { await view(m); } catch (e) { if (!location.hash.startsWith('#/login')) show(el('p', { class: 'error' }, e.message)); }
      markNav();
      return;
    }
  }
  location.hash = '#/workspace';
}

function markNav() {
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('href') === location.hash);
}

async function loadWorkspace() {
  state.workspace = await api('/workspace');
  const nav = document.getElementById('nav');
  const links = [el('a', { href: '#/workspace' }, 'Workspace')];
  for (const w of state.workspace.workspaces) {
    for (const s of w.sources) links.push(el('a', { href: '#/sources/' + encodeURIComponent(s.id), class: 'source-link' }, 'Debugger: ' + s.name));
    for (const d of w.destinations) links.push(el('a', { href: '#/destinations/' + encodeURIComponent(d.id), class: 'destination-link' }, d.name));
  }
  nav.replaceChildren(...links);
}

// ---------- login ----------

async function loginView() {
  const failed = location.hash.includes('failed');
  const input = el('input', { id: 'token', type: 'password', autocomplete: 'off', placeholder: 'console token' });
  const msg = el('p', { class: 'muted', id: 'login-message' }, failed ? 'That login link has a wrong token.' : 'Paste the console token (switchboard dev prints a login URL).');
  const form = el('form', { class: 'login', on: { submit: async (ev) => {
    ev.preventDefault();
    const res = await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: input.value }) });
    if (res.ok) { state.csrf = (await res.json()).csrf; await loadWorkspace(); location.hash = state.next || '#/workspace'; state.next = null; }
    else msg.textContent = 'That is not the console token.';
  } } }, el('h1', {}, 'Log in'), msg, input, el('button', { type: 'submit' }, 'Log in'));
  show(form);
}

// ---------- workspace ----------

async function workspaceView() {
  await loadWorkspace();
  const parts = [el('h1', {}, 'Workspace')];
  for (const w of state.workspace.workspaces) {
    parts.push(el('h2', {}, w.id, ' ', el('span', { class: 'muted' }, 'applied ' + (w.appliedAt || ''))));
    parts.push(el('h3', {}, 'Sources'), el('table', { id: 'sources' }, el('tr', {}, el('th', {}, 'Source'), el('th', {}, 'Write keys'), el('th', {}, 'Enabled')),
      w.sources.map((s) => el('tr', {}, el('td', {}, el('a', { href: '#/sources/' + encodeURIComponent(s.id) }, s.name), ' ', el('span', { class: 'muted' }, s.id)),
        el('td', { class: 'write-keys' }, s.writeKeys.join(', ')), el('td', {}, s.enabled ? 'yes' : 'no')))));
    parts.push(el('h3', {}, 'Destinations'), el('table', { id: 'destinations' },
      el('tr', {}, el('th', {}, 'Destination'), el('th', {}, 'Type'), el('th', {}, 'Settings'), el('th', {}, 'State'), el('th', {}, '')),
      w.destinations.map((d) => el('tr', { dataset: { destination: d.id } },
        el('td', {}, el('a', { href: '#/destinations/' + encodeURIComponent(d.id) }, d.name), ' · ', el('a', { href: '#/dead-letters/' + encodeURIComponent(d.id) }, 'dead letters')),
        el('td', {}, d.type, d.installed ? '' : ' (not installed)'),
        el('td', {}, el('pre', { class: 'settings' }, JSON.stringify(d.settings, null, 2))),
        el('td', { class: 'state' }, !d.enabled ? badge('disabled') : d.paused ? badge('paused') : badge('delivering'), d.paused ? ' ' + (d.pauseReason || '') : ''),
        el('td', {}, el('button', { class: 'pause-toggle', type: 'button', on: { click: async () => {
          await api('/destinations/' + encodeURIComponent(d.id) + (d.paused ? '/resume' : '/pause'), { method: 'POST', body: {} });
          await workspaceView();
        } } }, d.paused ? 'Resume' : 'Pause'))))));
    parts.push(el('h3', {}, 'Connections'), el('table', { id: 'connections' },
      el('tr', {}, el('th', {}, 'Source'), el('th', {}, 'Destination'), el('th', {}, 'Enabled actions'), el('th', {}, 'Filters')),
      w.connections.map((c) => el('tr', {}, el('td', {}, c.source), el('td', {}, c.destination, c.enabled ? '' : ' (disabled)'),
        el('td', {}, c.enabledActions.length ? c.enabledActions.join(', ') : 'all'),
        el('td', {}, c.filters.length ? el('pre', {}, JSON.stringify(c.filters, null, 2)) : 'none')))));
  }
  show(...parts);
}

// ---------- source debugger ----------

const MAX_ROWS = 500;

async function debuggerView(sourceId) {
  const search = el('input', { id: 'search', type: 'search', placeholder: 'event, type, userId, anonymousId, messageId or any text' });
  const type = el('select', { id: 'type-filter' }, ['', 'track', 'identify', 'page', 'screen', 'group', 'alias'].map((t) => el('option', { value: t }, t || 'all types')));
  const liveButton = el('button', { id: 'live-toggle', type: 'button' }, 'Pause');
  const status = el('span', { id: 'live-status', class: 'muted' }, 'live');
  const body = el('tbody', { id: 'calls' });
  const table = el('table', { class: 'live' }, el('thead', {}, el('tr', {}, ['Received', 'Type', 'Event', 'userId', 'anonymousId', 'messageId', 'Status'].map((h) => el('th', {}, h)))), body);
  const violations = el('section', { id: 'violations' });
  show(el('h1', {}, 'Source debugger: ' + sourceId), el('div', { class: 'toolbar' }, search, type, liveButton, status), table, violations);
  // not awaited: the calls and the live stream do not wait for the violations, nor fail with them
  violationsList(violations, sourceId).catch((e) => violations.replaceChildren(el('p', { class: 'error' }, e.message)));

  let lastSeq = 0; let paused = false; let pending = []; let frame = 0; let unlisted = 0;
  // the listed rows by messageId, and the router's judgments waiting for the next frame, newest last
  const listed = new Map(); let judged = new Map();
  const query = () => '?q=' + encodeURIComponent(search.value) + '&type=' + encodeURIComponent(type.value);
  const row = (c) => {
    const tr = el('tr', { class: 'call', dataset: { messageId: c.messageId } },
      el('td', {}, (c.receivedAt || '').replace('T', ' ').replace('Z', '')), el('td', {}, c.type || ''), el('td', { class: 'event-name' }, c.event || ''),
      el('td', {}, c.userId || ''), el('td', {}, c.anonymousId || ''), el('td', { class: 'mono' }, c.messageId),
      el('td', {}, badge(c.status), c.reason ? el('div', { class: 'reason' }, c.reason) : null));
    tr.addEventListener('click', () => expand(tr, c.messageId));
    listed.set(c.messageId, tr);
    return tr;
  };
  // A call the router judged after it was shown comes again in a later frame's updates: its row (and its
  // open detail) is redrawn in place; one not listed any more is let go.
  const redraw = (c) => {
    const old = listed.get(c.messageId);
    if (!old || !old.isConnected) return;
    const open = old.nextElementSibling && old.nextElementSibling.classList.contains('detail');
    const fresh = row(c);
    old.replaceWith(fresh);
    if (open) { fresh.nextElementSibling.remove(); expand(fresh, c.messageId); }
  };
  // Frames are applied at most once per animation frame, newest on top, and the table is capped, so a
  // thousand calls a second cost the page a few hundred rows' work a second at most; each judgment is one
  // lookup by messageId, never a walk over the rows.
  const flush = () => {
    frame = 0;
    const updates = judged; judged = new Map();
    const rows = pending.splice(0).map((c) => { const u = updates.get(c.messageId); updates.delete(c.messageId); return row(u || c); });
    updates.forEach(redraw);
    body.prepend(...rows);
    const shown = body.querySelectorAll('tr.call');
    for (let i = shown.length - 1; i >= MAX_ROWS; i--) {
      const detail = shown[i].nextElementSibling;
      if (detail && detail.classList.contains('detail')) detail.remove();
      listed.delete(shown[i].dataset.messageId);
      shown[i].remove();
    }
  };
  const reload = async () => {
    const page = await api('/sources/' + encodeURIComponent(sourceId) + '/calls' + query() + '&limit=' + MAX_ROWS);
    lastSeq = page.lastSeq; unlisted = 0; pending = []; judged = new Map(); listed.clear();
    body.replaceChildren(...page.calls.map(row));
  };
  const connect = () => {
    if (state.live) state.live.close();
    const es = new EventSource('/api/sources/' + encodeURIComponent(sourceId) + '/live' + query() + '&after=' + lastSeq);
    es.addEventListener('calls', (ev) => {
      const f = JSON.parse(ev.data);
      lastSeq = f.lastSeq;
      pending = f.calls.concat(pending).slice(0, MAX_ROWS);
      (f.updates || []).forEach((c) => judged.set(c.messageId, c));
      unlisted += Math.max(0, f.arrived - f.calls.length);
      status.textContent = 'live' + (unlisted ? ' · ' + unlisted + ' more arrived than listed (newest shown; search to find one)' : '');
      if (!frame) frame = requestAnimationFrame(flush);
    });
    state.live = es;
  };
  liveButton.addEventListener('click', async () => {
    paused = !paused;
    liveButton.textContent = paused ? 'Resume' : 'Pause';
    status.textContent = paused ? 'paused' : 'live';
    if (paused) { if (state.live) state.live.close(); state.live = null; } else { await reload(); connect(); }
  });
  let timer = 0;
  const refilter = () => { clearTimeout(timer); timer = setTimeout(async () => { await reload(); if (!paused) connect(); }, 250); };
  search.addEventListener('input', refilter);
  type.addEventListener('change', refilter);
  await reload();
  connect();
}

// The source's tracking-plan violations read from sb.violations: counts per kind and the newest, as text.
async function violationsList(section, sourceId) {
  const v = await api('/sources/' + encodeURIComponent(sourceId) + '/violations?limit=100');
  const refresh = el('button', { id: 'violations-refresh', type: 'button' }, 'Refresh');
  refresh.addEventListener('click', () => violationsList(section, sourceId));
  const counts = Object.entries(v.counts).filter(([, n]) => n > 0).map(([k, n]) => k + ' ' + n).join(' · ');
  const rows = v.violations.map((x) => el('tr', { class: 'violation' },
    el('td', {}, (x.judgedAt || '').replace('T', ' ').replace('Z', '')), el('td', {}, x.event || x.type),
    el('td', { class: 'mono' }, x.pointer || '(event)'), el('td', {}, x.kind), el('td', {}, x.expected || ''), el('td', {}, x.actual || ''),
    el('td', {}, String(x.planVersion)), el('td', {}, x.blocked ? badge('blocked') : ''),
    el('td', { class: 'mono' }, el('a', { href: '#/trace/' + encodeURIComponent(x.messageId) }, x.messageId))));
  section.replaceChildren(
    el('h2', {}, 'Violations'),
    el('div', { class: 'toolbar' }, el('span', { id: 'violation-counts', class: 'muted' }, v.total + ' read' + (counts ? ': ' + counts : '')), refresh),
    el('table', {}, el('thead', {}, el('tr', {}, ['Judged', 'Event', 'Pointer', 'Kind', 'Expected', 'Actual', 'Plan version', '', 'messageId'].map((h) => el('th', {}, h)))),
      el('tbody', { id: 'violation-rows' }, ...rows)));
}

async function expand(tr, messageId) {
  const next = tr.nextElementSibling;
  if (next && next.classList.contains('detail')) { next.remove(); return; }
  const t = await api('/trace/' + encodeURIComponent(messageId));
  // the row may have been redrawn by a live update while the trace was read: open the current one
  const at = tr.isConnected ? tr : [...document.querySelectorAll('#calls tr.call')].find((r) => r.dataset.messageId === messageId);
  if (!at || (at.nextElementSibling && at.nextElementSibling.classList.contains('detail'))) return;
  at.after(el('tr', { class: 'detail' }, el('td', { colspan: 7 }, traceParts(t))));
}

function traceParts(t) {
  const parts = [];
  if (t.received) parts.push(payload('Received ' + (t.received.at || '') + ' on ' + (t.received.path || ''), t.received.raw));
  if (t.enriched) parts.push(payload('Enriched by the router', t.enriched.raw));
  for (const r of t.rejections) {
    parts.push(el('div', { class: 'rejection' }, el('h3', {}, 'Rejected at ' + r.stage), el('p', { class: 'reason' }, r.code + ': ' + r.reason),
      r.original ? payload('As it was', r.original) : null));
  }
  if (t.routing.length) {
    parts.push(el('h3', {}, 'Destinations'), el('table', { class: 'routing' }, t.routing.map((x) =>
      el('tr', {}, el('td', {}, x.destination), el('td', {}, badge(x.outcome), ' ', routingNote(x.outcome))))));
  }
  parts.push(el('p', {}, el('a', { href: '#/trace/' + encodeURIComponent(t.messageId) }, 'Whole trace of ' + t.messageId)));
  return parts;
}

function routingNote(outcome) {
  return { routed: 'routed', integrations: 'skipped: the integrations object turns it off', filter: 'dropped by a destination filter', disabled: 'skipped: destination or connection disabled' }[outcome] || outcome;
}

// ---------- event delivery ----------

const STEPS = [
  ['ingestRefused', 'Refused at ingest'], ['routerRejected', 'Rejected by the router'], ['mapperRejected', 'Rejected by the mapper'],
  ['skippedIntegrations', 'Skipped by the integrations object'], ['droppedFilter', 'Dropped by a filter'],
  ['delivered', 'Delivered'], ['retrying', 'Retrying'], ['deadLettered', 'Dead-lettered'],
];

async function deliveryView(destinationId) {
  const d = await api('/destinations/' + encodeURIComponent(destinationId) + '/delivery');
  const cards = (label, s) => el('div', {}, el('h2', {}, label), el('div', { class: 'cards', id: 'cards-' + label.replace(/\W+/g, '-').toLowerCase() },
    ['delivered', 'retrying', 'deadLettered'].map((k) => el('div', { class: 'card', dataset: { step: k } }, el('div', { class: 'n' }, s.steps[k]), STEPS.find((x) => x[0] === k)[1])),
    el('div', { class: 'card' }, el('div', { class: 'n' }, s.p50Ms < 0 ? '–' : s.p50Ms + ' ms'), 'P50 latency'),
    el('div', { class: 'card' }, el('div', { class: 'n' }, s.p95Ms < 0 ? '–' : s.p95Ms + ' ms'), 'P95 latency')));
  const steps = el('ol', { class: 'steps', id: 'steps' }, STEPS.map(([k, label]) => el('li', { dataset: { step: k } }, label + ': ', el('strong', {}, d.hour.steps[k]), el('span', { class: 'muted' }, ' (day: ' + d.day.steps[k] + ')'))));
  const errors = el('div', { id: 'errors' }, d.errors.length ? d.errors.map(errorBlock) : el('p', { class: 'muted' }, 'No errors.'));
  show(el('h1', {}, 'Event delivery: ' + destinationId), el('p', {}, el('a', { href: '#/dead-letters/' + encodeURIComponent(destinationId) }, 'Dead letters')),
    cards('Last hour', d.hour), cards('Last day', d.day), el('h2', {}, 'Trend, last hour (per minute)'), trendChart(d.trend),
    el('h2', {}, 'Where events did not go on (last hour)'), steps, el('h2', {}, 'Recent errors'), errors);
}

function errorBlock(e) {
  const r = e.response;
  const head = el('div', {}, badge(r.status), ' attempt ' + r.attempt + ' · ', r.httpStatus ? 'HTTP ' + r.httpStatus : (r.errorClass || ''), ' · ' + (r.at || ''), ' · ',
    e.messageIds.map((id) => el('a', { href: '#/trace/' + encodeURIComponent(id) }, id)));
  const headers = Object.entries(r.responseHeaders || {}).map(([k, v]) => k + ': ' + v).join('\n');
  return el('div', { class: 'error' }, head, el('div', { class: 'cols' },
    el('div', {}, el('h3', {}, 'Event'), el('p', {}, e.messageIds.join(', '))),
    el('div', {}, el('h3', {}, 'Request to destination'), e.request ? el('pre', { class: 'request' }, e.request.method + ' ' + e.request.url + '\n\n' + pretty(e.request.body)) : el('p', { class: 'muted' }, 'not read')),
    el('div', {}, el('h3', {}, 'Response from destination'), el('pre', { class: 'response' }, (r.httpStatus || r.errorClass || '') + '\n' + headers + '\n\n' + (r.responseBody || r.error || '')))));
}

function trendChart(trend) {
  const ns = 'http://www.w3.org/2000/svg';
  const w = 720; const h = 120; const bw = w / Math.max(1, trend.length);
  const max = Math.max(1, ...trend.map((m) => m.delivered + m.retrying + m.deadLettered));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h); svg.setAttribute('class', 'trend'); svg.setAttribute('width', '100%'); svg.setAttribute('height', h);
  trend.forEach((m, i) => {
    let y = h;
    for (const k of ['delivered', 'retrying', 'deadLettered']) {
      const bh = (m[k] / max) * (h - 10);
      if (bh <= 0) continue;
      y -= bh;
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', i * bw + 1); r.setAttribute('y', y); r.setAttribute('width', Math.max(1, bw - 2)); r.setAttribute('height', bh); r.setAttribute('class', k);
      const title = document.createElementNS(ns, 'title'); title.textContent = new Date(m.t).toISOString().slice(11, 16) + ' ' + k + ': ' + m[k];
      r.append(title); svg.append(r);
    }
  });
  return svg;
}

// ---------- dead letters ----------

async function deadLettersView(destinationId) {
  const status = el('select', { id: 'dlq-status' }, ['', '4xx', '5xx', '429', 'timeout'].map((s) => el('option', { value: s }, s || 'any status')));
  const reason = el('input', { id: 'dlq-reason', type: 'search', placeholder: 'reason contains' });
  const result = el('div', { id: 'redrive-result' });
  const body = el('tbody', { id: 'letters' });
  const redrive = el('button', { id: 'redrive', type: 'button' }, 'Redrive selected');
  const load = async () => {
    const q = '?status=' + encodeURIComponent(status.value) + '&reason=' + encodeURIComponent(reason.value);
    const page = await api('/destinations/' + encodeURIComponent(destinationId) + '/dead-letters' + q);
    body.replaceChildren(...page.letters.map((l) => {
      const tr = el('tr', { class: 'letter', dataset: { letter: l.id } },
        el('td', {}, el('input', { type: 'checkbox', class: 'pick', value: l.id })), el('td', {}, l.id), el('td', {}, l.deadLetteredAt),
        el('td', {}, l.lastStatus), el('td', { class: 'reason' }, l.reason), el('td', {}, l.messageIds.join(', ')),
        el('td', {}, l.redriven ? badge('redriven') : ''), el('td', {}, el('button', { class: 'secondary inspect', type: 'button' }, 'Inspect')));
      tr.querySelector('.inspect').addEventListener('click', () => inspect(tr, destinationId, l.id));
      return tr;
    }));
    if (!page.letters.length) body.append(el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No dead letters.')));
  };
  redrive.addEventListener('click', async () => {
    const ids = [...body.querySelectorAll('input.pick:checked')].map((c) => c.value);
    if (!ids.length) { result.replaceChildren(el('p', { class: 'note' }, 'Select letters first.')); return; }
    try {
      const r = await api('/destinations/' + encodeURIComponent(destinationId) + '/dead-letters/redrive', { method: 'POST', body: { ids } });
      result.replaceChildren(el('p', { class: 'note' }, 'Redrive ' + r.redriveId + ': ' + r.redriven.length + ' put back for delivery'
        + (r.skipped.length ? ', ' + r.skipped.length + ' skipped (redriven before)' : '') + (r.notFound.length ? ', ' + r.notFound.length + ' not found' : '') + '.'));
      await load();
    } catch (e) { result.replaceChildren(el('p', { class: 'error' }, e.message)); }
  });
  status.addEventListener('change', load);
  reason.addEventListener('input', load);
  show(el('h1', {}, 'Dead letters: ' + destinationId), el('div', { class: 'toolbar' }, status, reason, redrive), result,
    el('table', {}, el('thead', {}, el('tr', {}, ['', 'Id', 'Dead-lettered', 'Last status', 'Reason', 'messageIds', '', ''].map((h) => el('th', {}, h)))), body));
  await load();
}

async function inspect(tr, destinationId, id) {
  const next = tr.nextElementSibling;
  if (next && next.classList.contains('detail')) { next.remove(); return; }
  const l = await api('/destinations/' + encodeURIComponent(destinationId) + '/dead-letters/' + encodeURIComponent(id));
  const attempts = l.attemptList.map((a) => el('li', {}, 'attempt ' + a.attempt + ' at ' + a.at + ': ' + (a.httpStatus || a.errorClass || '') + ' in ' + a.latencyMs + ' ms',
    el('pre', {}, Object.entries(a.responseHeaders || {}).map(([k, v]) => k + ': ' + v).join('\n') + '\n\n' + (a.responseBody || a.error || ''))));
  tr.after(el('tr', { class: 'detail' }, el('td', { colspan: 8 }, el('h3', {}, 'Request'), el('pre', {}, l.request.method + ' ' + l.request.url + '\n' +
    Object.entries(l.request.headers).map(([k, v]) => k + ': ' + v).join('\n') + '\n\n' + pretty(l.request.body)), el('h3', {}, 'Attempts'), el('ol', {}, attempts))));
}

// ---------- event trace ----------

async function traceView(messageId) {
  const t = await api('/trace/' + encodeURIComponent(messageId));
  const steps = [];
  if (t.received) steps.push(el('li', { dataset: { step: 'received' } }, el('h2', {}, 'Received'), payload('at ' + t.received.at + ' on ' + t.received.path + ' from ' + (t.received.ip || '?'), t.received.raw)));
  for (const r of t.rejections) steps.push(el('li', { dataset: { step: 'rejected' } }, el('h2', {}, 'Rejected at ' + r.stage), el('p', { class: 'reason' }, r.code + ': ' + r.reason)));
  if (t.enriched) steps.push(el('li', { dataset: { step: 'enriched' } }, el('h2', {}, 'Enriched'), payload('as archived on sb.events', t.enriched.raw)));
  if (t.routing.length) steps.push(el('li', { dataset: { step: 'routed' } }, el('h2', {}, 'Routed'), el('table', { class: 'routing' }, t.routing.map((x) => el('tr', {}, el('td', {}, x.destination), el('td', {}, badge(x.outcome), ' ', routingNote(x.outcome)))))));
  for (const q of t.requests) {
    const attempts = t.attempts.filter((a) => a.destinationId === q.destinationId);
    steps.push(el('li', { dataset: { step: 'request' } }, el('h2', {}, 'Request to ' + q.destinationId + (q.replayId ? ' (replay ' + q.replayId + ')' : '')),
      el('pre', { class: 'request' }, q.method + ' ' + q.url + '\n' + Object.entries(q.headers).map(([k, v]) => k + ': ' + v).join('\n') + '\n\n' + pretty(q.body)),
      el('h3', {}, 'Attempts'), el('ol', { class: 'attempts' }, attempts.map((a) => el('li', {}, badge(a.status), ' attempt ' + a.attempt + ' at ' + a.at + ': ' + (a.httpStatus ? 'HTTP ' + a.httpStatus : a.errorClass || '') + ' in ' + a.latencyMs + ' ms',
        a.responseBody ? el('pre', {}, a.responseBody) : null)))));
  }
  show(el('h1', {}, 'Event trace: ' + messageId), el('p', {}, badge(t.status), ' source ' + (t.sourceId || '?')), el('ol', { class: 'trace', id: 'trace-steps' }, steps));
}

// ---------- start ----------

document.getElementById('trace-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const id = document.getElementById('trace-input').value.trim();
  if (id) location.hash = '#/trace/' + encodeURIComponent(id);
});
window.addEventListener('hashchange', route);

(async () => {
  try {
    const s = await api('/session');
    state.csrf = s.csrf;
    await loadWorkspace();
  } catch { /* the login view is shown */ }
  await route();
})();
