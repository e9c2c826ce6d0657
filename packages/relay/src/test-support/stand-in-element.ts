/**
 * A stand-in for the `<ticket-counts>` bundle in the relay's browser tests: the relay must not
 * depend on the web component (the component's own tests run against the relay), so this mimics
 * only what matters to the relay — a <style> in a shadow root, fetch + EventSource on `src`, a
 * word when the fetch is refused — and records CSP violations for the test to read.
 */
export const STAND_IN_ELEMENT_SCRIPT = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
customElements.define('ticket-counts', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>span{color:rgb(1, 2, 3)}</style><span part="value">…</span>';
    const span = root.querySelector('span');
    const show = (data) => {
      const payload = JSON.parse(data);
      span.textContent = payload.error ? 'error ' + payload.error.kind : 'awaiting ' + payload.awaitingReply;
    };
    const src = this.getAttribute('src');
    // As the real element does: a refused fetch (CORS, relay down) shows, rather than nothing.
    fetch(src).then((r) => r.text()).then(show, () => { span.textContent = 'unreachable'; });
    if (this.getAttribute('refresh') === 'live') {
      const url = new URL(src, location.href);
      url.pathname += '/events';
      new EventSource(url).addEventListener('counts', (e) => show(e.data));
    }
  }
});
`;
