import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * The reactors and their pollers, refreshed every second over JSON-RPC (ReactorsJsonRpcService), with
 * pause and resume buttons for each poller.
 */
export class QwcReactorsReactors extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .tables { display: flex; flex-direction: column; gap: 1em; padding: 0.5em; }
        h3 { margin: 0.2em 0; }
        vaadin-grid { height: auto; }
    `;

    static properties = {
        _reactors: { state: true },
        _pollers: { state: true }
    };

    constructor() {
        super();
        this._reactors = [];
        this._pollers = [];
    }

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), 1000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getReactors().then(r => { this._reactors = this._withRates(r.result, performance.now()); });
        this.jsonRpc.getPollers().then(p => { this._pollers = p.result; });
    }

    render() {
        return html`<div class="tables">
            <h3>Reactors</h3>
            <vaadin-grid id="reactors" .items="${this._reactors}" all-rows-visible theme="compact row-stripes">
                <vaadin-grid-column path="id" header="Id" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="thread" header="Thread" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="transport" header="Transport" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="executed" header="Executed" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="failed" header="Failed" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="callbackFailures" header="Callback failures" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="rejected" header="Rejected" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="queueDepth" header="Queue" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="queueHighWaterMark" header="High-water mark" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="iterations" header="Iterations" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Busy" auto-width
                    ${columnBodyRenderer(r => html`${this._percent(r.busyNanos, r.busyNanos + r.idleNanos)}`, [])}></vaadin-grid-column>
                <vaadin-grid-column path="pollers" header="Pollers" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="timers" header="Timers" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Idle wake-ups/s" auto-width
                    ${columnBodyRenderer(r => html`${r.idleWakeUpsPerSecond ?? ''}`, [])}></vaadin-grid-column>
            </vaadin-grid>
            <h3>Pollers</h3>
            <vaadin-grid id="pollers" .items="${this._pollers}" all-rows-visible theme="compact row-stripes">
                <vaadin-grid-column path="name" header="Name" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="reactor" header="Reactor" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Period" auto-width
                    ${columnBodyRenderer(p => html`${p.periodNanos === 0 ? 'every iteration' : (p.periodNanos / 1e6) + ' ms'}`, [])}></vaadin-grid-column>
                <vaadin-grid-column path="runs" header="Runs" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="busyRuns" header="Busy runs" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="failures" header="Failures" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Max" auto-width
                    ${columnBodyRenderer(p => html`${(p.maxNanos / 1e3).toFixed(1)} us`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="" auto-width
                    ${columnBodyRenderer(p => this._toggle(p), [])}></vaadin-grid-column>
            </vaadin-grid>
        </div>`;
    }

    /** Adds each reactor's idle wake-ups per second since the previous refresh (the stats carry the running count). */
    _withRates(reactors, now) {
        const previous = this._previousReactors || [];
        const seconds = (now - (this._previousAt || now)) / 1000;
        for (const r of reactors) {
            const before = previous.find(p => p.id === r.id);
            if (before && seconds > 0) {
                r.idleWakeUpsPerSecond = ((r.idleWakeUps - before.idleWakeUps) / seconds).toFixed(1);
            }
        }
        this._previousReactors = reactors;
        this._previousAt = now;
        return reactors;
    }

        _percent(part, whole) {
        return whole > 0 ? (100 * part / whole).toFixed(1) + ' %' : '';
    }

    _toggle(poller) {
        if (poller.paused) {
            return html`<vaadin-button theme="small" @click=${() => this._call('resume', poller)}>Resume</vaadin-button>`;
        }
        return html`<vaadin-button theme="small" @click=${() => this._call('pause', poller)}>Pause</vaadin-button>`;
    }

    _call(method, poller) {
        this.jsonRpc[method]({ reactor: poller.reactor, name: poller.name }).then(() => this._refresh());
    }
}
customElements.define('qwc-reactors-reactors', QwcReactorsReactors);
