/* The reminders page: the person's choices and calendar address, through /api/me. */
(function () {
  'use strict';
  var headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-By': 'muistutukset' };
  function call(method, url, body) {
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers, body: body ? JSON.stringify(body) : undefined });
  }
  function show(choices) {
    document.getElementById('osoite').textContent = choices.email || '(ei osoitetta)';
    document.getElementById('digest').checked = choices.digest;
    document.getElementById('warnings').checked = choices.warnings;
    document.getElementById('warnings').disabled = choices.lead;
    document.getElementById('vastuu').hidden = !choices.lead;
  }
  function feed(url) {
    document.getElementById('syote').textContent = url || 'Ei tilattu.';
  }
  call('GET', '/api/me/notifications').then(function (response) {
    if (response.status === 401) { document.getElementById('kirjaudu').hidden = false; return null; }
    return response.json();
  }).then(function (choices) {
    if (!choices) { return; }
    document.getElementById('asetukset').hidden = false;
    document.getElementById('kalenteri').hidden = false;
    show(choices);
    call('GET', '/api/me/calendar-token').then(function (r) { return r.ok ? r.json() : null; })
      .then(function (f) { feed(f && f.url); });
  });
  document.getElementById('valinnat').addEventListener('submit', function (event) {
    event.preventDefault();
    call('PUT', '/api/me/notifications', {
      digest: document.getElementById('digest').checked,
      warnings: document.getElementById('warnings').checked
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (result) {
        document.getElementById('tallennettu').textContent = result.ok ? 'Tallennettu.' : result.body.detail;
        if (result.ok) { show(result.body); }
      });
  });
  document.getElementById('uusi').addEventListener('click', function () {
    call('POST', '/api/me/calendar-token').then(function (r) { return r.json(); }).then(function (f) { feed(f.url); });
  });
  document.getElementById('poista').addEventListener('click', function () {
    call('DELETE', '/api/me/calendar-token').then(function () { feed(null); });
  });
}());
