/** Every command, in the order `dev-metrics --help` lists them. */
import type { Command } from '../context.js';
import { cleanupCommand } from './cleanup.js';
import { compareCommand } from './compare.js';
import { dashboardCommand } from './dashboard.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { recentCommand } from './recent.js';
import { runCommand } from './run.js';
import { summaryCommand } from './summary.js';

export const COMMANDS: readonly Command[] = [
  runCommand,
  summaryCommand,
  recentCommand,
  cleanupCommand,
  dashboardCommand,
  compareCommand,
  exportCommand,
  demoCommand,
];
