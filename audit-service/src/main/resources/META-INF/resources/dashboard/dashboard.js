// The SLE dashboard: reads /api/v1/sle/* with the token of this tab, follows /api/v1/sle/events (server-sent events,
// read with fetch so the token goes in the Authorization header, not the URL) and reloads when something changed.
// The case list comes a page at a time: "More cases" reads the next page (the answer's nextPage) and adds it; a reload
// reads again as many cases as are shown (at most MAX_PAGE), from the first.
'use strict';
const $ = id => document.getElementById(id);
const api = '/api/v1/sle';
const NAMES = {
  PROVISIONED_BEFORE_START: 'Provisioned before the start date',
  ACCESS_CUT_ON_END_DATE: 'Account, VPN and MFA cut on the end date',
  DEPROVISIONED_WITHIN_14_DAYS: 'Deprovisioned within 14 days',
  MOVER_PRIOR_ACCESS_REMOVED: "Mover's prior access removed"
};
const PAGE = 50, MAX_PAGE = 500;
let complianceChart, trendChart, reloadTimer, following = false;
let shownCases = 0, nextCases = null, casesGeneration = 0;

const token = () => sessionStorage.getItem('tenure-token') || '';
const percent = v => v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%';

async function get(path) {
  const response = await fetch(path, {headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'application/json'}});
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

function filterQuery(withPeriod) {
  const params = new URLSearchParams();
  for (const id of ['agency', 'from', 'to']) { if ($(id).value) params.set(id, $(id).value); }
  if (withPeriod) params.set('period', $('period').value);
  return params.toString();
}

async function reload() {
  const generation = ++casesGeneration;
  const limit = Math.min(MAX_PAGE, Math.max(PAGE, shownCases));
  try {
    const [report, cases] = await Promise.all([
      get(api + '/compliance?' + filterQuery(true)),
      get(api + '/cases?status=MISSED&status=AT_RISK&limit=' + limit + '&' + filterQuery(false))]);
    if (generation !== casesGeneration) return; // a newer reload is on its way
    $('error').textContent = '';
    showReport(report);
    showCases(cases, false);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  } catch (e) {
    $('error').textContent = 'Cannot load the dashboard: ' + e.message;
  }
}

function showReport(report) {
  $('asOf').textContent = 'as of ' + new Date(report.asOf).toLocaleString();
  const agency = $('agency');
  const chosen = agency.value;
  agency.replaceChildren(new Option('all agencies', ''), ...report.agencies.map(a => new Option(a, a)));
  agency.value = report.agencies.includes(chosen) ? chosen : '';

  const cards = report.sles.map(s => {
    const card = document.createElement('div');
    card.className = 'card ' + (s.meetsTarget === null ? 'undecided' : s.meetsTarget ? 'ok' : 'below');
    card.dataset.sle = s.sle;
    const title = document.createElement('h3'); title.textContent = NAMES[s.sle] || s.sle;
    const value = document.createElement('div'); value.className = 'compliance'; value.textContent = percent(s.compliance);
    const target = document.createElement('div'); target.className = 'target'; target.textContent = 'target ' + percent(s.target);
    const counts = document.createElement('div'); counts.className = 'counts';
    counts.textContent = `${s.counts.met} met · ${s.counts.missed} missed · ${s.counts.pending} pending · ${s.counts.lateSubmissions} late submissions`;
    card.append(title, value, target, counts);
    return card;
  });
  $('sles').replaceChildren(...cards);

  if (!window.echarts) return;
  complianceChart = complianceChart || echarts.init($('complianceChart'));
  complianceChart.setOption({
    animation: false,
    tooltip: {trigger: 'axis'}, legend: {data: ['compliance', 'target']},
    xAxis: {type: 'category', data: report.sles.map(s => NAMES[s.sle] || s.sle), axisLabel: {interval: 0, fontSize: 10}},
    yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
    series: [
      {name: 'compliance', type: 'bar', data: report.sles.map(s => s.compliance === null ? null : +(s.compliance * 100).toFixed(1))},
      {name: 'target', type: 'line', step: 'middle', data: report.sles.map(s => +(s.target * 100).toFixed(1))}]
  }, true);

  const periods = [...new Set(report.sles.flatMap(s => s.trend.map(p => p.periodStart)))].sort();
  trendChart = trendChart || echarts.init($('trendChart'));
  trendChart.setOption({
    animation: false,
    tooltip: {trigger: 'axis'}, legend: {data: report.sles.map(s => NAMES[s.sle] || s.sle)},
    xAxis: {type: 'category', data: periods},
    yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
    series: report.sles.map(s => ({
      name: NAMES[s.sle] || s.sle, type: 'line', connectNulls: true,
      data: periods.map(p => { const point = s.trend.find(t => t.periodStart === p);
        return point && point.compliance !== null ? +(point.compliance * 100).toFixed(1) : null; })
    }))
  }, true);
}

async function moreCases() {
  if (!nextCases) return;
  const generation = casesGeneration;
  $('moreCases').disabled = true;
  try {
    const page = await get(nextCases);
    if (generation === casesGeneration) showCases(page, true);
  } catch (e) {
    $('error').textContent = 'Cannot load more cases: ' + e.message;
  } finally {
    $('moreCases').disabled = false;
  }
}

// page: {cases, total, limit, next, nextPage}; append: add it below the rows shown, else replace them
function showCases(page, append) {
  const rows = page.cases.map(c => {
    const v = c.view;
    const status = c.atRisk ? 'AT_RISK' : v.status;
    const tr = document.createElement('tr');
    tr.className = status;
    tr.dataset.caseId = v.caseId;
    const link = document.createElement('a');
    link.href = '#'; link.textContent = v.caseId;
    link.onclick = e => { e.preventDefault(); showCase(v.caseId); };
    const cells = [link, v.sle, v.agency, v.personId, status, v.effectiveDate, v.dueAt, v.completedAt || '—'];
    cells.forEach((value, i) => {
      const td = document.createElement('td');
      if (i === 4) td.className = 'status';
      if (value instanceof Node) td.append(value); else td.textContent = value === null ? '—' : value;
      tr.append(td);
    });
    return tr;
  });
  if (append) $('cases').tBodies[0].append(...rows); else $('cases').tBodies[0].replaceChildren(...rows);
  shownCases = $('cases').tBodies[0].rows.length;
  nextCases = page.nextPage;
  $('casesCount').textContent = `${shownCases.toLocaleString()} of ${page.total.toLocaleString()} cases`;
  $('moreCases').hidden = !nextCases;
}

async function showCase(caseId) {
  $('detailSection').hidden = false;
  $('detailId').textContent = caseId;
  $('trail').textContent = '';
  try {
    const detail = await get(api + '/cases/' + encodeURIComponent(caseId));
    $('detail').textContent = JSON.stringify(detail.view, null, 2);
    $('auditTrail').onclick = async e => {
      e.preventDefault();
      try {
        $('trail').textContent = JSON.stringify(await get(detail.auditTrail), null, 2);
      } catch (err) {
        $('trail').textContent = 'The audit trail (' + detail.auditTrail + ') cannot be read: ' + err.message;
      }
    };
  } catch (e) {
    $('detail').textContent = 'Cannot read the case: ' + e.message;
  }
}

function setLive(on) {
  $('live').className = on ? 'on' : 'off';
  $('live').textContent = on ? 'live' : 'offline';
}

// Server-sent events over fetch: one JSON change per event; a burst of changes causes one reload.
async function follow() {
  if (following || !token()) return;
  following = true;
  try {
    const response = await fetch(api + '/events', {headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'text/event-stream'}});
    if (!response.ok) throw new Error('HTTP ' + response.status);
    setLive(true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
        if (data) changed(JSON.parse(data));
      }
    }
  } catch (e) {
    console.warn('event stream', e);
  } finally {
    following = false;
    setLive(false);
    setTimeout(follow, 2000);
  }
}

function changed(change) {
  if (change.kind !== 'compliance' && change.kind !== 'case') return;
  document.body.dataset.changes = String(Number(document.body.dataset.changes || 0) + 1);
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(reload, 300);
}

$('token').value = token();
$('useToken').onclick = () => { sessionStorage.setItem('tenure-token', $('token').value.trim()); reload(); follow(); };
const reloadFromStart = () => { shownCases = 0; reload(); };
$('apply').onclick = reloadFromStart;
$('agency').onchange = reloadFromStart;
$('period').onchange = reloadFromStart;
$('moreCases').onclick = moreCases;
window.addEventListener('resize', () => { complianceChart && complianceChart.resize(); trendChart && trendChart.resize(); });
if (token()) { reload(); follow(); }
