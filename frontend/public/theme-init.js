// Runs before the first paint: applies the remembered theme (or the system's) so the page
// never flashes the wrong one. Kept outside the bundle so the CSP needs no inline script.
(function () {
  try {
    var stored = localStorage.getItem('pivotal-theme');
    var dark = stored === 'dark' || (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch (e) {
    /* storage may be blocked: follow the system */
  }
})();
