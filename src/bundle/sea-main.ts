import { dirname } from 'node:path';
import { main } from '../cli/main';
import { endQuietlyOnClosedPipe, finish } from '../cli/process-end';
import { launchOf } from '../portable/launch';
import { defaultLaunchDeps, runLaunch } from '../portable/run-launch';

// The portable executable's entry (scripts/dist.js bundles it into the blob): a command line
// as `npx xxgk` takes it, or with no arguments or a dropped folder or file, what Explorer's
// double-click and drop mean (src/portable/launch.ts).
endQuietlyOnClosedPipe();
runLaunch(launchOf(process.argv.slice(2), dirname(process.execPath)), defaultLaunchDeps(main)).then(finish);
