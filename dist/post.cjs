// The post step's entry (dist/post.cjs, action.yml `post:`; copied by `npm run package`). Most post
// steps have nothing to do: not the job's owner (whose post saves and publishes), and their main
// recorded its run or never started a command. Those exit here, as plain CommonJS that loads no
// module: an ES module entry would start Node's ES module loader and compile the bundle's entry
// first (about 3 ms of every later wrapped step). The others run the bundle as main does.
// The names are state.ts's (State.IsPost, Owner, Recorded, StartedAt) as the runner hands them over.
'use strict';
const env = process.env;
const idle =
  env['STATE_isPost'] === 'true' &&
  env['STATE_owner'] !== 'true' &&
  (Boolean(env['STATE_recorded']) || !env['STATE_startedAt']);
if (idle) {
  // Nothing was written: leave at once, without Node's teardown of the environment (about a
  // fortieth of this step: farm-bench, 80 pairs, 0.977).
  process.exit(0);
} else {
  import('./index.js');
}
