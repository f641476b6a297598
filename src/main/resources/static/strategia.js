// Muutos: the strategy dashboard. Public data for everyone; with a Camunda webapp login from
// management (Cockpit access), also links to the process instances and the zoning overview.
(function () {
  'use strict';
  window.__errors = [];
  window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
  window.addEventListener('unhandledrejection', function (e) { window.__errors.push(String(e.reason)); });
  var STATUS = { NOT_STARTED: 'Ei aloitettu', IN_PROGRESS: 'Käynnissä', AT_RISK: 'Riski', DELAYED: 'Viivästynyt',
    DONE: 'Valmis', CANCELLED: 'Peruttu' };
  var SOURCE = { USER: 'henkilö', PROCESS: 'prosessi', IMPORT: 'tietojen tuonti' };
  var VERDICT = { BEST_REALISED: 'parhaiten toteutunut', WEAKEST_REALISED: 'heikoimmin toteutunut' };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function date(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return d.getDate() + '.' + (d.getMonth() + 1) + '.' + d.getFullYear();
  }
  // the browser keeps public answers and asks again with their ETag (304 while nothing changed)
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-cache', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
  }

  function measureItem(m, management) {
    var change = m.lastChange;
    var meta = change ? 'Muutettu ' + date(change.at) + ' (' + (SOURCE[change.sourceType] || change.sourceType) +
      (change.userId ? ': ' + change.userId : '') + ')' : '';
    var link = null;
    if (management && change && change.processInstanceId) {
      link = el('a', { href: '/camunda/app/cockpit/default/#/process-instance/' + change.processInstanceId,
        text: 'Avaa prosessi Seurannassa' });
    }
    return el('li', { 'data-measure': m.code }, [
      el('div', {}, [el('strong', { text: m.name }), el('div', { class: 'meta', text: m.code + ' · ' + (m.ownerGroup || '') }),
        m.note ? el('div', { class: 'note', text: m.note }) : null]),
      el('span', { class: 'status ' + m.status, text: STATUS[m.status] || m.status }),
      el('label', {}, [el('span', { class: 'meta', text: 'Edistyminen ' + m.progress + ' %' }),
        el('progress', { max: '100', value: String(m.progress), 'aria-label': m.name + ': edistyminen ' + m.progress + ' %' })]),
      el('div', { class: 'meta' }, [document.createTextNode(meta), link ? el('br') : null, link])
    ]);
  }

  function ratings(list) {
    if (!list || !list.length) { return null; }
    var parts = list.filter(function (r) { return !r.respondentGroup; }).map(function (r) {
      return r.evaluationName + ': ' + (VERDICT[r.verdict] || 'arvioitu') + (r.meanScore != null ? ' (keskiarvo ' + Number(r.meanScore).toLocaleString('fi-FI') + ')' : '');
    });
    return parts.length ? el('p', { class: 'ratings', text: 'Arviot: ' + parts.join('; ') }) : null;
  }

  // A strategy this size shows every measure at once; a bigger one (a shared-service centre's
  // thousands) loads an objective's measures when it is opened, a page at a time.
  var EAGER = 300;
  var PAGE = 100;

  function measureList(objectiveCode, total, management, eager) {
    var list = el('ul', { class: 'measures' });
    var box = el('div', { class: 'measure-list' }, [list]);
    var loaded = 0;
    function more(button) {
      var url = (management ? '/api/strategy/measures' : '/public/strategy/measures') + '?offset=' + loaded +
        '&limit=' + (eager ? 500 : PAGE) + (objectiveCode ? '&objective=' + encodeURIComponent(objectiveCode) : '');
      if (button) { button.disabled = true; }
      return getJson(url).then(function (page) {
        page.measures.forEach(function (m) { list.appendChild(measureItem(m, management)); });
        loaded += page.measures.length;
        if (button) { button.remove(); }
        if (loaded < page.total) {
          var next = el('button', { type: 'button', text: 'Näytä lisää (' + (page.total - loaded) + ' jäljellä)' });
          next.addEventListener('click', function () { more(next); });
          box.appendChild(next);
        }
      });
    }
    if (!total) { return el('p', { class: 'meta', text: 'Ei toimenpiteitä.' }); }
    if (eager) {
      more(null).catch(fail);
    } else {
      var open = el('button', { type: 'button', text: 'Näytä toimenpiteet (' + total + ')' });
      open.addEventListener('click', function () { more(open).catch(fail); });
      box.appendChild(open);
    }
    return box;
  }

  function objective(o, level, management, eager) {
    return el('div', { class: 'objective', 'data-objective': o.code }, [
      el('h' + level, { text: o.name }),
      o.rollUp && o.rollUp.status ? el('p', { class: 'meta', text: 'Kokonaistila: ' + STATUS[o.rollUp.status] +
        (o.rollUp.progress != null ? ', edistyminen ' + o.rollUp.progress + ' %' : '') }) : null,
      o.placementNote ? el('p', { class: 'note', text: o.placementNote }) : null,
      ratings(o.ratings),
      measureList(o.code, o.measures, management, eager)
    ]);
  }

  function render(s, management) {
    document.getElementById('otsikko').textContent = s.name + ' – tilannekuva';
    document.getElementById('johdanto').textContent = s.municipality + ' · strategia hyväksytty ' + date(s.adoptedOn);
    var r = s.rollUp;
    document.getElementById('yhteenveto').appendChild(el('p', { text: 'Toimenpiteitä ' + r.measures + ', kokonaistila ' +
      (STATUS[r.status] || '–') + (r.progress != null ? ', keskimääräinen edistyminen ' + r.progress + ' %' : '') + '.' }));
    var goals = document.getElementById('paamaarat');
    var eager = r.measures <= EAGER;
    s.goals.forEach(function (g) {
      goals.appendChild(el('article', { class: 'goal' }, [el('h3', { text: g.name }), ratings(g.ratings)]
        .concat(g.objectives.map(function (o) { return objective(o, 4, management, eager); }))));
    });
    if (s.unplacedObjectives.length || s.unplacedMeasures) {
      goals.appendChild(el('article', { class: 'goal' }, [el('h3', { text: 'Tavoitteet, joiden päämäärää lähdeaineisto ei kerro' })]
        .concat(s.unplacedObjectives.map(function (o) { return objective(o, 4, management, eager); }))
        .concat(s.unplacedMeasures ? [measureList(null, s.unplacedMeasures, management, eager)] : [])));
    }
    var evaluations = document.getElementById('arviointilista');
    s.evaluations.forEach(function (e) {
      var groups = {};
      e.findings.forEach(function (f) { (groups[f.kind] = groups[f.kind] || []).push(f.text); });
      var names = { ATTENTION: 'Huomiota vaativat', SUCCESS: 'Onnistumiset', CONTINUOUS: 'Jatkuvasti panostettava', NEXT_STRATEGY: 'Seuraavaan strategiaan' };
      evaluations.appendChild(el('article', { class: 'goal' }, [el('h3', { text: e.name }),
        el('p', { class: 'meta', text: (e.evaluator ? e.evaluator + ' · ' : '') + date(e.startedOn) + '–' + date(e.endedOn) })]
        .concat(Object.keys(groups).map(function (k) {
          return el('div', {}, [el('h4', { text: names[k] || k }), el('ul', {}, groups[k].map(function (t) { return el('li', { text: t }); }))]);
        }))));
    });
    document.getElementById('strategia').hidden = false;
    document.getElementById('arvioinnit').hidden = !s.evaluations.length;
  }

  function ryhti(r) {
    if (!r) { return '–'; }
    var text = r.permanentIdentifier || 'ei tunnusta';
    if (r.lastDeliveredPhase) { text += ', toimitettu ' + r.lastDeliveredPhase; }
    if (r.pending) { text += ', jonossa ' + r.pending; }
    if (r.problems && r.problems.length) { text += ', virheitä ' + r.problems.length; }
    return text;
  }

  // The plans' areas (ETRS-TM35FIN metres) as outlines on one drawing, north up.
  function areas(plans) {
    var drawn = plans.filter(function (p) { return p.area; });
    if (!drawn.length) { return null; }
    var rings = function (a) { return a.type === 'Polygon' ? a.coordinates : [].concat.apply([], a.coordinates); };
    var xs = [], ys = [];
    drawn.forEach(function (p) { rings(p.area).forEach(function (r) { r.forEach(function (pt) { xs.push(pt[0]); ys.push(pt[1]); }); }); });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var size = Math.max(maxX - minX, maxY - minY, 1), scale = 380 / size;
    var svgNs = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('class', 'areas'); svg.setAttribute('role', 'img'); svg.setAttribute('width', '400'); svg.setAttribute('height', '400');
    svg.setAttribute('aria-label', 'Kaavojen aluerajaukset (ETRS-TM35FIN), pohjoinen ylöspäin');
    drawn.forEach(function (p) {
      var path = document.createElementNS(svgNs, 'path');
      path.setAttribute('d', rings(p.area).map(function (r) {
        return r.map(function (pt, i) {
          return (i ? 'L' : 'M') + (10 + (pt[0] - minX) * scale).toFixed(1) + ' ' + (390 - (pt[1] - minY) * scale).toFixed(1);
        }).join(' ') + ' Z';
      }).join(' '));
      path.setAttribute('data-plan', p.businessKey);
      var title = document.createElementNS(svgNs, 'title'); title.textContent = p.name + ' (' + p.businessKey + ')';
      path.appendChild(title); svg.appendChild(path);
    });
    return svg;
  }

  function zoning(plans, leadTimes) {
    document.getElementById('kaavoitus').hidden = false;
    var table = el('table', {}, [el('caption', { text: 'Kaavat ja niiden vaihe' }),
      el('thead', {}, [el('tr', {}, ['Kaava', 'Laji', 'Vaihe (Ryhti)', 'Seuraava määräaika', 'Päiviä vaiheessa', 'Ryhti'].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
      el('tbody', {}, plans.map(function (p) {
        return el('tr', {}, [el('td', { text: p.name + ' (' + p.businessKey + ')' }), el('td', { text: p.typeLabel }),
          el('td', { text: p.ryhtiCode + ' ' + p.stageLabel }), el('td', { text: p.nextDeadline ? date(p.nextDeadline) : '–' }),
          el('td', { text: String(p.daysInStage) }), el('td', { text: ryhti(p.ryhti) })]);
      }))]);
    document.getElementById('kaavat').appendChild(plans.length ? table : el('p', { text: 'Ei kaavoja.' }));
    var drawing = areas(plans);
    if (drawing) { document.getElementById('kaavat').appendChild(el('figure', {}, [drawing, el('figcaption', { text: 'Kaavojen aluerajaukset' })])); }
    var rated = leadTimes.filter(function (l) { return l.medianDays != null; });
    var max = Math.max.apply(null, rated.map(function (l) { return l.longestDays || l.medianDays; }).concat([1]));
    var svgNs = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('class', 'bars'); svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Vaiheiden mediaaniläpimenoajat päivinä; sama tieto taulukossa alla');
    svg.setAttribute('width', '640'); svg.setAttribute('height', String(24 * leadTimes.length + 10));
    leadTimes.forEach(function (l, i) {
      var y = 24 * i + 5;
      var t = document.createElementNS(svgNs, 'text'); t.setAttribute('x', '0'); t.setAttribute('y', String(y + 14)); t.textContent = l.stage;
      var r = document.createElementNS(svgNs, 'rect'); r.setAttribute('x', '200'); r.setAttribute('y', String(y));
      r.setAttribute('height', '18'); r.setAttribute('width', String(l.medianDays == null ? 0 : Math.max(2, 380 * l.medianDays / max)));
      var v = document.createElementNS(svgNs, 'text'); v.setAttribute('x', String(205 + (l.medianDays == null ? 0 : 380 * l.medianDays / max)));
      v.setAttribute('y', String(y + 14)); v.textContent = l.medianDays == null ? 'ei tietoa' : l.medianDays + ' pv';
      svg.appendChild(t); svg.appendChild(r); svg.appendChild(v);
    });
    var data = el('table', {}, [el('caption', { text: 'Läpimenoajat taulukkona' }),
      el('thead', {}, [el('tr', {}, ['Vaihe (oikeudellisten päivämäärien välillä)', 'Kaavoja', 'Mediaani (pv)', 'Pisin (pv)'].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
      el('tbody', {}, leadTimes.map(function (l) {
        return el('tr', {}, [el('td', { text: l.stage }), el('td', { text: String(l.plans) }),
          el('td', { text: l.medianDays == null ? '–' : String(l.medianDays) }), el('td', { text: l.longestDays == null ? '–' : String(l.longestDays) })]);
      }))]);
    var box = document.getElementById('lapimenoajat');
    box.appendChild(svg); box.appendChild(data);
  }

  fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .catch(function () { return null; })
    .then(function (user) {
      var management = !!(user && user.authorizedApps && user.authorizedApps.indexOf('cockpit') >= 0);
      document.getElementById('kirjautuminen').textContent = management
        ? 'Kirjautuneena: ' + user.userId + ' (johdon näkymä)'
        : 'Julkinen näkymä. Johtoryhmä näkee lisätietoja kirjauduttuaan Seurantaan.';
      return getJson('/public/strategy/outline').then(function (s) {
        render(s, management);
        document.getElementById('lataus').textContent = '';
        if (management) {
          return getJson('/api/zoning/plans').then(function (plans) {
            return getJson('/api/zoning/lead-times').then(function (leadTimes) { zoning(plans, leadTimes); });
          });
        }
      });
    })
    .catch(fail);

  function fail(e) {
    document.getElementById('lataus').textContent = 'Tietoja ei voitu ladata: ' + e.message;
    window.__errors.push(String(e && e.stack || e));
  }
})();
