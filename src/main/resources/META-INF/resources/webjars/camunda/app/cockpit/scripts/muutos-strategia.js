// Muutos: Cockpit's "Strategia" plugin (Camunda 7's frontend plugin points, a plain ES module; see
// docs/webapps.md). Everything is read through Muutos' own /api with the Cockpit session, so only
// management (monitoring.read) gets data: anyone else sees the API's refusal.
const STATUS = {
  NOT_STARTED: 'Ei aloitettu', IN_PROGRESS: 'Käynnissä', AT_RISK: 'Riski', DELAYED: 'Viivästynyt',
  DONE: 'Valmis', CANCELLED: 'Peruttu'
};
const PROCESS = {
  zoningPlan: 'Kaava', organisationReform: 'Uudistus', serviceTransfer: 'Siirto',
  strategyEvaluation: 'Arviointi'
};

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'text') { node.textContent = v; } else { node.setAttribute(k, v); }
  });
  (children || []).forEach((c) => { if (c) { node.appendChild(c); } });
  return node;
}

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => {
      if (!r.ok) {
        throw new Error(r.status === 403 ? 'ei oikeutta (vain johtoryhmä)' : url + ': ' + r.status);
      }
      return r.json();
    });
}

function date(iso) {
  if (!iso) { return ''; }
  const d = new Date(iso);
  return d.getDate() + '.' + (d.getMonth() + 1) + '.' + d.getFullYear();
}

function style() {
  if (document.getElementById('muutos-strategia-style')) { return; }
  document.head.appendChild(el('style', { id: 'muutos-strategia-style', text: `
    .muutos-strategia { padding: 12px 16px; }
    .muutos-strategia table { border-collapse: collapse; margin: 6px 0 16px; }
    .muutos-strategia th, .muutos-strategia td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
    .muutos-strategia .status { font-weight: 600; }
    .muutos-strategia .AT_RISK, .muutos-strategia .DELAYED { color: #b5152b; }
    .muutos-strategia .DONE { color: #10703a; }
    .muutos-strategia .meta { color: #555; font-size: 90%; }
    .muutos-strategia input[type=search] { width: 24em; padding: 3px 6px; }
  ` }));
}

function frame(node, title) {
  style();
  const box = el('section', { class: 'muutos-strategia', 'data-muutos': title }, [el('p', { text: 'Ladataan…' })]);
  node.replaceChildren(box);
  return box;
}

function fail(box, e) {
  box.replaceChildren(el('p', { class: 'muutos-error', text: 'Strategian tietoja ei voitu ladata: ' + e.message }));
}

function table(caption, headers, rows) {
  return el('table', {}, [el('caption', { text: caption }),
    el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))]),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => (c instanceof Node ? el('td', {}, [c]) : el('td', { text: c == null ? '' : String(c) }))))))]);
}

function statusCell(status, label) {
  return el('span', { class: 'status ' + status, text: label || STATUS[status] || status });
}

function change(c) {
  if (!c) { return ''; }
  const from = c.oldStatus ? (STATUS[c.oldStatus] || c.oldStatus) + ' ' + (c.oldProgress == null ? '' : c.oldProgress + ' %') : '–';
  return date(c.at) + ': ' + from.trim() + ' → ' + (STATUS[c.newStatus] || c.newStatus) + ' ' + c.newProgress + ' %' +
    (c.activityId ? ' (' + c.activityId + ')' : '');
}

function instanceLink(c) {
  return el('a', { href: '#/process-instance/' + c.processInstanceId + '/runtime', text: c.name + ' (' + c.businessKey + ')' });
}

/** A case's filings that wait: for their step, or for a person (ADR 0052). */
function openFilings(c) {
  const parts = [];
  if (c.filingsToHandle) parts.push(c.filingsToHandle + ' ryhmän käsiteltävänä');
  if (c.filingsWaiting) parts.push(c.filingsWaiting + ' odottaa vaihettaan');
  return parts.join(', ');
}

function cases(list) {
  return table('Tapaukset', ['Tapaus', 'Käsittely', 'Vaihe', 'Diaarinumero', 'Saapuneet asiakirjat', 'Mallin versio'], list.map((c) => [
    instanceLink(c), PROCESS[c.processKey] || c.processKey, c.stageLabel || '', c.recordNumber || '',
    openFilings(c), c.modelVersion == null ? '' : String(c.modelVersion)]));
}

function filingsTable(filings) {
  return table('Asialle saapuneet asiakirjat', ['Asiakirja', 'Jätetty', 'Viite', 'Tila', 'Mitä Muutos teki'],
    filings.map((f) => [f.label, f.filedOn.split('-').reverse().map((p) => String(Number(p))).join('.'),
      f.reference || '', f.statusLabel, f.judgement || '']));
}

const instanceTab = {
  id: 'muutosStrategiaProcessInstance',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: { label: 'Strategia' },
  render(node, { processInstanceId }) {
    const box = frame(node, 'instance');
    const id = encodeURIComponent(processInstanceId);
    Promise.all([getJson('/api/cases?processInstanceId=' + id), getJson('/api/strategy/process-instances/' + id + '/measures')])
      .then(([found, measures]) => {
        const parts = [];
        if (found.length) {
          const c = found[0];
          parts.push(el('p', {}, [el('strong', { text: c.name }), el('span', { class: 'meta', text: ' · ' + c.businessKey + ' · ' + (c.stageLabel || '')
            + (c.modelVersion == null ? '' : ' · mallin versio ' + c.modelVersion) })]));
          const filings = el('div', {});
          parts.push(filings);
          getJson('/api/cases/' + encodeURIComponent(c.businessKey) + '/filings')
            .then((list) => { if (list.length) filings.replaceChildren(filingsTable(list)); })
            .catch((e) => fail(filings, e));
        }
        parts.push(measures.length
          ? table('Toimenpiteet, joita tämä käsittely on muuttanut', ['Toimenpide', 'Tila nyt', 'Edistyminen', 'Tämän käsittelyn muutokset'],
            measures.map((m) => [m.code + ' ' + m.name, statusCell(m.status, m.statusLabel), m.progress + ' %',
              el('div', {}, m.log.map((c) => el('div', { text: change(c) })))]))
          : el('p', { text: 'Tämä käsittely ei ole muuttanut strategian toimenpiteitä.' }));
        parts.push(el('p', {}, [el('a', { href: '/strategia.html', target: '_blank', text: 'Avaa strategian tilannekuva' })]));
        box.replaceChildren(...parts);
      })
      .catch((e) => fail(box, e));
  }
};

const definitionTab = {
  id: 'muutosStrategiaProcessDefinition',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 20,
  properties: { label: 'Strategia ja tapaukset' },
  render(node, { processDefinitionId }) {
    const box = frame(node, 'definition');
    const key = String(processDefinitionId || '').split(':')[0];
    Promise.all([getJson('/api/cases?limit=200&process=' + encodeURIComponent(key)),
      getJson('/api/strategy/processes/' + encodeURIComponent(key) + '/measures')])
      .then(([found, measures]) => {
        const filter = el('input', { type: 'search', placeholder: 'Hae tapauksen nimellä tai tunnuksella', 'aria-label': 'Hae tapausta' });
        const list = el('div', {}, [cases(found)]);
        filter.addEventListener('input', () => {
          const q = filter.value.toLowerCase();
          list.replaceChildren(cases(found.filter((c) => (c.name + ' ' + c.businessKey).toLowerCase().includes(q))));
        });
        box.replaceChildren(
          el('h4', { text: 'Tapaukset' }), filter, list,
          el('h4', { text: 'Toimenpiteet, joita tämän prosessin käsittelyt muuttavat' }),
          measures.length
            ? table('Toimenpiteet', ['Toimenpide', 'Tila nyt', 'Edistyminen', 'Muutoksia', 'Viimeisin'],
              measures.map((m) => [m.code + ' ' + m.name, statusCell(m.status, m.statusLabel), m.progress + ' %', m.changes, change(m.lastChange)]))
            : el('p', { text: 'Tämän prosessin käsittelyt eivät ole vielä muuttaneet toimenpiteitä.' }));
      })
      .catch((e) => fail(box, e));
  }
};

const dashboard = {
  id: 'muutosStrategiaDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render(node) {
    const box = frame(node, 'dashboard');
    Promise.all([getJson('/api/strategy/summary'), getJson('/api/zoning/lead-times')])
      .then(([s, leadTimes]) => {
        const r = s.rollUp;
        const search = el('input', { type: 'search', placeholder: 'esim. Kauppatorin kortteli', 'aria-label': 'Hae tapausta nimellä' });
        const results = el('div', {});
        let timer = null;
        search.addEventListener('input', () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            if (!search.value.trim()) { results.replaceChildren(); return; }
            getJson('/api/cases?limit=20&q=' + encodeURIComponent(search.value.trim()))
              .then((found) => results.replaceChildren(found.length ? cases(found) : el('p', { text: 'Ei tapauksia.' })))
              .catch((e) => fail(results, e));
          }, 250);
        });
        box.replaceChildren(
          el('h3', { text: 'Strategia: ' + s.name }),
          el('p', {}, [document.createTextNode('Toimenpiteitä ' + r.measures + ', kokonaistila '),
            statusCell(r.status), document.createTextNode(r.progress == null ? '.' : ', edistyminen keskimäärin ' + r.progress + ' %.')]),
          table('Toimenpiteet tiloittain', ['Tila', 'Toimenpiteitä'],
            Object.keys(STATUS).filter((k) => r.byStatus[k]).map((k) => [statusCell(k), r.byStatus[k]])),
          el('h4', { text: 'Päämäärät, joissa on riskejä (' + s.goalsAtRisk + ')' }),
          s.goalsAtRisk
            ? el('ul', { class: 'goals-at-risk' }, s.goals.filter((g) => g.atRisk).map((g) =>
              el('li', {}, [el('strong', { text: g.name }), el('span', { class: 'meta', text: ': ' + g.measuresAtRisk.join(', ') })])))
            : el('p', { text: 'Ei riskissä olevia päämääriä.' }),
          el('h4', { text: 'Kaavoituksen läpimenoajat' }),
          table('Vaiheiden läpimenoajat päivinä', ['Vaihe', 'Kaavoja', 'Mediaani', 'Pisin'],
            leadTimes.map((l) => [l.stage, l.plans, l.medianDays == null ? '–' : l.medianDays, l.longestDays == null ? '–' : l.longestDays])),
          el('h4', { text: 'Hae tapausta' }), search, results,
          el('p', {}, [el('a', { href: '/strategia.html', target: '_blank', text: 'Avaa koko tilannekuva' })]));
      })
      .catch((e) => fail(box, e));
  }
};

export default [instanceTab, definitionTab, dashboard];
