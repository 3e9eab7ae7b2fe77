import { loadBundle } from './load-bundle';

// The batch's worker script when the CLI runs from its bundle: it loads the worker bundle
// with its code cache, and the bundle registers the task handler.
if (loadBundle('render-worker') === undefined) throw new Error('render-worker.bundle.js 缺失：请重新运行 npm run build');
