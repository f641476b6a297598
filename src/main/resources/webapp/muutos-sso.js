// Muutos: the webapps behind the city's identity provider (single sign-on, docs/security.md).
// "Kirjaudu ulos" signs out of Muutos and then of the provider: POST /logout with a header no
// other site can send answers with the provider's sign-out address, and the page goes there (the
// webapps' Content-Security-Policy stops a form whose answer redirects to another site). The
// webapps' own login form never shows: without a session the page loads again, through the
// provider.
function signOut() {
  fetch('/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Requested-By': 'muutos-sso', Accept: 'application/json' }
  })
    .then((response) => response.json())
    .then((answer) => window.location.assign(answer.location))
    .catch(() => window.location.assign('/'));
}

document.addEventListener(
  'click',
  (event) => {
    const logout = event.target.closest && event.target.closest('li.logout');
    if (logout) {
      event.preventDefault();
      event.stopImmediatePropagation();
      signOut();
    }
  },
  true
);

function noLoginForm() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(window.location.pathname + window.location.search);
  }
}
window.addEventListener('hashchange', noLoginForm);
noLoginForm();

// no plugins of its own: Cockpit reads a module's default export as its list of plugins
export default [];
