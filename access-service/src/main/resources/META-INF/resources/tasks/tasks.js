// The provisioners' page: reads /api/v1/manual-tasks with the token of this tab (Authorization header, never the URL)
// and acts on the selected tasks through /api/v1/manual-tasks/bulk, each with the version it was shown at.
const api = '/api/v1/manual-tasks';
const $ = id => document.getElementById(id);
const token = () => sessionStorage.getItem('tenure-token') || '';
let shown = [];

function claims() {
  try { return JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch (e) { return {}; }
}

function text(s) { return s == null ? '' : String(s); }

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = text(value);
  row.appendChild(td);
  return td;
}

async function call(method, path, body) {
  const headers = {'Authorization': 'Bearer ' + token(), 'Accept': 'application/json'};
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined});
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (data.errors || []).map(e => e.field + ': ' + e.reason).join('; ');
    throw new Error((data.detail || response.statusText) + (fields ? ' ' + fields : ''));
  }
  return data;
}

async function reload() {
  $('error').textContent = '';
  if (!token()) { $('error').textContent = 'Paste a token first.'; return; }
  const q = new URLSearchParams();
  for (const f of ['queue', 'app']) if ($(f).value.trim()) q.set(f, $(f).value.trim());
  const state = $('state').value;
  if (state && state !== '*') q.set('state', state);
  const who = $('mine').checked ? (claims().upn || claims().preferred_username || claims().sub) : $('assignee').value.trim();
  if (who) q.set('assignee', who);
  if ($('overdue').checked) q.set('overdue', 'true');
  try {
    const data = await call('GET', api + '?' + q);
    shown = state === '' ? data.tasks.filter(t => t.state === 'OPEN' || t.state === 'ASSIGNED') : data.tasks;
    $('asOf').textContent = shown.length + ' task(s) as of ' + data.asOf;
    render();
  } catch (e) {
    $('error').textContent = e.message;
  }
}

function render() {
  const body = document.querySelector('#tasks tbody');
  body.replaceChildren();
  for (const t of shown) {
    const row = document.createElement('tr');
    if (t.overdue) row.classList.add('overdue');
    if (t.state === 'DONE' || t.state === 'ERRORED') row.classList.add('final');
    const pick = document.createElement('input');
    pick.type = 'checkbox';
    pick.dataset.id = t.id;
    const td = document.createElement('td');
    td.appendChild(pick);
    row.appendChild(td);
    cell(row, t.id).title = 'version ' + t.version;
    cell(row, t.app);
    cell(row, t.request + ' ' + t.group);
    cell(row, t.personId + ' (' + t.agency + ')');
    cell(row, t.state + (t.overdue ? ' · overdue' : ''));
    cell(row, t.queue);
    cell(row, t.assignee);
    cell(row, t.openedAt);
    cell(row, t.dueAt);
    cell(row, t.updatedBy + ' ' + t.updatedAt + (t.comment ? ': ' + t.comment : ''));
    body.appendChild(row);
  }
}

async function act(action) {
  const ids = [...document.querySelectorAll('#tasks tbody input:checked')].map(i => i.dataset.id);
  if (!ids.length) { $('error').textContent = 'Select at least one task.'; return; }
  const byId = Object.fromEntries(shown.map(t => [t.id, t]));
  const request = {action, items: ids.map(id => ({id, version: byId[id].version}))};
  const to = $('to').value.trim();
  const words = $('text').value.trim();
  if (to && (action === 'assign' || action === 'reassign')) request.assignee = to;
  if (words && action === 'reassign') request.reason = words;
  if (words && (action === 'done' || action === 'errored')) request.comment = words;
  if ($('at').value && action === 'done') request.effectiveAt = new Date($('at').value).toISOString();
  try {
    const answer = await call('POST', api + '/bulk', request);
    $('results').textContent = answer.succeeded + ' of ' + answer.count + ' ' + action + ':\n' + answer.results
      .map(r => r.id + ' → ' + (r.status === 200 ? r.task.state : r.status + ' ' + (r.problem.detail || '')
        + (r.problem.errors ? ' ' + r.problem.errors.map(e => e.field + ': ' + e.reason).join('; ') : '')))
      .join('\n');
  } catch (e) {
    $('error').textContent = e.message;
  }
  reload();
}

$('token').value = token();
$('useToken').onclick = () => { sessionStorage.setItem('tenure-token', $('token').value.trim()); reload(); };
$('refresh').onclick = reload;
$('all').onchange = () => document.querySelectorAll('#tasks tbody input').forEach(i => { i.checked = $('all').checked; });
document.querySelectorAll('#act button').forEach(b => { b.onclick = () => act(b.dataset.action); });
if (token()) reload();
