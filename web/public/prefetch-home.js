/* global window, sessionStorage, location, fetch */
// Starts GET /v1/me for the home screen while the main bundle still downloads and compiles (a classic,
// tiny script of this origin, so the server's CSP allows it); src/api/prefetch.ts takes the answer once.
(function () {
  try {
    var raw = sessionStorage.getItem('credence.session');
    var path = location.pathname;
    if (!raw || (path !== '/app/' && path !== '/app')) return;
    var token = JSON.parse(raw).token;
    var pending = fetch('/v1/me', { headers: { authorization: 'Bearer ' + token } });
    pending.catch(function () {});
    window.__credenceHome = pending;
  } catch {
    // No prefetch: the home screen asks for itself.
  }
})();
