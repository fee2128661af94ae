// The worker thread in which the bundled server runs sample communes (see WorkerSampleRunner).
import '@ntm/evaluation/sample-worker';
