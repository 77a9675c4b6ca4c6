// Loads the Dev UI component, waits for both tables to render, clicks a Pause button, and writes the outcome
// into the light DOM (body[data-result] and <pre id="result">) where `chromium --dump-dom` shows it.
import './qwc-reactors-reactors.js';

const element = document.createElement('qwc-reactors-reactors');
document.body.appendChild(element);

function cellTexts(grid) {
    return Array.from(grid.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent.trim()).filter(t => t);
}

setTimeout(async () => {
    const out = {};
    try {
        await element.updateComplete;
        const reactors = element.shadowRoot.querySelector('vaadin-grid#reactors');
        const pollers = element.shadowRoot.querySelector('vaadin-grid#pollers');
        out.reactorCells = cellTexts(reactors);
        out.pollerCells = cellTexts(pollers);
        if (location.search.includes('screenshot')) {
            return; // leave the page as a user first sees it
        }
        const pause = Array.from(pollers.querySelectorAll('vaadin-button')).find(b => b.textContent.trim() === 'Pause');
        pause.click();
        await new Promise(r => setTimeout(r, 300));
        out.calls = window.rpcCalls.filter(c => c.startsWith('pause') || c.startsWith('resume'));
        const ok = out.reactorCells.includes('vert.x-eventloop-thread-1')
            && out.reactorCells.includes('12.5 %') && out.reactorCells.includes('Busy')
            && out.pollerCells.includes('ring') && out.pollerCells.includes('every iteration')
            && out.pollerCells.includes('20 ms') && out.pollerCells.includes('Resume')
            && out.calls.length === 1 && out.calls[0].startsWith('pause 0 ');
        document.body.setAttribute('data-result', ok ? 'ok' : 'fail');
    } catch (e) {
        out.error = String(e && e.stack || e);
        document.body.setAttribute('data-result', 'fail');
    }
    const pre = document.createElement('pre');
    pre.id = 'result';
    pre.style.display = 'none';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
}, 1500);
