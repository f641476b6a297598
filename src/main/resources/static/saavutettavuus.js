// Sends accessibility feedback to the administrators (POST /api/feedback/accessibility).
(function () {
  var form = document.getElementById('palautelomake');
  var result = document.getElementById('tulos');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {
      page: document.getElementById('sivu').value,
      message: document.getElementById('viesti').value,
      contact: document.getElementById('yhteys').value
    };
    fetch('/api/feedback/accessibility', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Requested-By': 'saavutettavuus' },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 202) {
        form.reset();
        result.textContent = 'Kiitos! Palaute on lähetetty ylläpidolle.';
      } else if (response.status === 401) {
        result.textContent = 'Kirjaudu sisään lähettääksesi palautteen, tai lähetä se kaupungin kirjaamoon.';
      } else {
        result.textContent = 'Palautetta ei voitu lähettää (virhe ' + response.status + ').';
      }
    }).catch(function () {
      result.textContent = 'Palautetta ei voitu lähettää: yhteys katkesi.';
    });
  });
})();
