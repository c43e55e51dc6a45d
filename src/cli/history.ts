/**
 * The CLI's one door to the core: opens the collector for --metrics-dir. Kept apart so the
 * commands do not each repeat how the collector is built.
 */
import { DevMetricsCollector } from '../core/collector.js';

export function openCollector(metricsDir: string): DevMetricsCollector {
  return new DevMetricsCollector({ metricsDir });
}
