// Stands in for the Dev UI's 'jsonrpc' module: answers the component's calls with fixed stats, in the shape
// ReactorsJsonRpcService returns (StatsJson), and records pause/resume calls.
const reactors = [0, 1].map(id => ({
    id, thread: 'vert.x-eventloop-thread-' + id, queueCapacity: 65536, accepted: 1200 + id, executed: 1200 + id,
    failed: 0, rejected: 0, queueDepth: 0, queueHighWaterMark: 17, iterations: 48211 + id, pollers: 2, timers: 1,
    busyNanos: 125000000, idleNanos: 875000000
}));
const pollers = [
    { name: 'ring', reactor: 0, periodNanos: 0, paused: false, runs: 1843321, busyRuns: 5120, failures: 0, totalNanos: 9216000, maxNanos: 2200 },
    { name: 'HitPipeline#flush', reactor: 0, periodNanos: 20000000, paused: false, runs: 250, busyRuns: 31, failures: 0, totalNanos: 730000, maxNanos: 41000 },
    { name: 'HitPipeline#flush', reactor: 1, periodNanos: 20000000, paused: true, runs: 249, busyRuns: 28, failures: 0, totalNanos: 702000, maxNanos: 39500 }
];
export const calls = [];
window.rpcCalls = calls;

export class JsonRpc {
    constructor(host) {
        this.host = host;
    }
    getReactors() {
        calls.push('getReactors');
        return Promise.resolve({ result: reactors });
    }
    getPollers() {
        calls.push('getPollers');
        return Promise.resolve({ result: pollers.map(p => ({ ...p })) });
    }
    pause(args) {
        calls.push('pause ' + args.reactor + ' ' + args.name);
        pollers.filter(p => p.reactor === args.reactor && p.name === args.name).forEach(p => p.paused = true);
        return Promise.resolve({ result: {} });
    }
    resume(args) {
        calls.push('resume ' + args.reactor + ' ' + args.name);
        pollers.filter(p => p.reactor === args.reactor && p.name === args.name).forEach(p => p.paused = false);
        return Promise.resolve({ result: {} });
    }
}
