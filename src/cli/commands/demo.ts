/**
 * `demo`: records a small, realistic history by running real commands (short Node scripts doing
 * real CPU and I/O work) through the same path as `run`, then shows the summary and dashboard.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command, CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { formatDuration } from '../format.js';
import { openCollector } from '../history.js';
import { renderSummaryTable, summarizeHistory } from './summary.js';
import { timeCommand } from './run.js';
import { VALUES_ENV, createValueFile, takeValueFile } from '../../core/value-file.js';
import { withValues } from '../../core/values.js';
import { writeDashboard } from './dashboard.js';

interface DemoStep {
  name: string;
  /** Target milliseconds of work for round r (0-based); the script works until it has spent it. */
  targetMs: (round: number) => number;
  /** Rounds (0-based) in which the step fails, like a flaky test. */
  failsIn?: readonly number[];
  script: string;
}

const ROUNDS = 4;

/**
 * Each script works in a loop until `target` ms have passed, so the demo's length is bounded on
 * any machine; what it does inside the loop is the kind of work its step is named after.
 */
const STEPS: readonly DemoStep[] = [
  {
    name: 'install_deps',
    // A cold cache first, then warm ones: the first install is the slow one.
    targetMs: (round) => (round === 0 ? 320 : 110),
    script: `const c=require('node:crypto');let h=Buffer.alloc(0);
      while(Date.now()<end){h=c.createHash('sha256').update(h).update('pkg').digest();}`,
  },
  {
    name: 'lint',
    targetMs: () => 70,
    script: `const src='const a = 1;\\nlet  b=2 ;\\n'.repeat(2000);let n=0;
      while(Date.now()<end){n+=src.split('\\n').filter(l=>/\\s{2,}|\\s;$/.test(l)).length;}`,
  },
  {
    name: 'unit_tests',
    targetMs: (round) => 160 + round * 12,
    script: `const assert=require('node:assert');
      while(Date.now()<end){const xs=Array.from({length:2000},(_, i)=>(i*7919)%2000);
      xs.sort((a,b)=>a-b);assert.strictEqual(xs[0],0);assert.strictEqual(xs[1999],1999);}`,
  },
  {
    name: 'build',
    targetMs: (round) => (round === 2 ? 300 : 210),
    // It reports its bundle size the way a user's command does: a line in $DEV_METRICS_VALUES.
    script: `const z=require('node:zlib');const data=Buffer.from('export const x = 1;\\n'.repeat(5000+round*400));
      let gz;while(Date.now()<end){gz=z.gzipSync(data);}
      require('node:fs').appendFileSync(process.env.DEV_METRICS_VALUES,'bundle_gz='+gz.length+' bytes\\n');`,
  },
  {
    name: 'integration_tests',
    targetMs: () => 130,
    failsIn: [2],
    script: `const fs=require('node:fs'),os=require('node:os'),p=require('node:path');
      const d=fs.mkdtempSync(p.join(os.tmpdir(),'dev-metrics-demo-'));
      while(Date.now()<end){const f=p.join(d,'t.json');fs.writeFileSync(f,JSON.stringify({ok:1}));
      JSON.parse(fs.readFileSync(f,'utf8'));}fs.rmSync(d,{recursive:true,force:true});`,
  },
];

export const demoCommand: Command = {
  spec: {
    name: 'demo',
    summary: 'record a few realistic runs (real commands) and show the results',
    synopsis: '',
    details:
      `Runs ${STEPS.length} small real commands (install_deps, lint, unit_tests, build,\n` +
      `integration_tests) ${ROUNDS} times, one of them failing once, and records them in\n` +
      '--metrics-dir with metadata {"demo": true, "round": N}; build also reports its gzipped\n' +
      'bundle size through $DEV_METRICS_VALUES. Then prints the summary and writes\n' +
      'the HTML dashboard to <metrics-dir>/dashboard.html. Takes about 5 seconds.',
    options: {},
    positionals: [],
    examples: ['dev-metrics demo --metrics-dir /tmp/demo-metrics'],
  },

  async execute(_args, context) {
    const collector = openCollector(context.metricsDir);
    const say = (text: string): void => {
      if (!context.json) context.stdout.write(text);
    };
    say(`Recording ${STEPS.length * ROUNDS} demo runs into ${context.metricsDir}\n`);
    let recorded = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const step of STEPS) {
        const valueFile = createValueFile(tmpdir());
        const timed = await timeCommand(
          step.name,
          [process.execPath, '-e', demoScript(step, round)],
          { demo: true, round: round + 1 },
          'ignore',
          { ...process.env, [VALUES_ENV]: valueFile },
        );
        const { values } = takeValueFile(valueFile);
        const record =
          values.length === 0
            ? timed.record
            : { ...timed.record, metadata: withValues(timed.record.metadata, values) };
        await collector.recordExecution(record);
        recorded++;
        say(
          `  round ${round + 1}  ${step.name.padEnd(17)} ${formatDuration(record.duration_ms).padStart(9)}  ${record.status}\n`,
        );
      }
    }
    const summary = await summarizeHistory(context.metricsDir, 1);
    const dashboard = await tryDashboard(context);
    if (context.json) {
      printJson(context, { recorded, metricsDir: context.metricsDir, summary, dashboard });
      return 0;
    }
    say('\n' + renderSummaryTable(summary, context.color));
    if (dashboard !== null) say(`\nDashboard: ${dashboard}\n`);
    return 0;
  },
};

/** `node -e` source for one step: work until the deadline, then fail if this round says so. */
export function demoScript(step: DemoStep, round: number): string {
  // Deterministic ±10% jitter so durations vary like real runs without making output random.
  const jitter = 1 + (((round * 31 + step.name.length * 17) % 21) - 10) / 100;
  const target = Math.round(step.targetMs(round) * jitter);
  const failure = step.failsIn?.includes(round)
    ? `console.error('1 test failed: checkout flow timed out');process.exit(1);`
    : '';
  return `const end=Date.now()+${target},round=${round};${step.script}${failure}`;
}

/** The dashboard is a bonus of the demo: if it cannot be written, say why and go on. */
async function tryDashboard(context: CommandContext): Promise<string | null> {
  const outputFile = path.join(context.metricsDir, 'dashboard.html');
  try {
    const written = await writeDashboard({ outputFile, days: 1, metricsDir: context.metricsDir });
    return written.outputFile;
  } catch (error) {
    context.stderr.write(`dev-metrics: dashboard not written: ${(error as Error).message}\n`);
    return null;
  }
}
