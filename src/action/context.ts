/**
 * The run's context, stored in every record the action writes under `metadata.ci`.
 * CONTRACT (shared with insight/report): the CiContext shape below. All fields optional in
 * records read back (histories come from older versions, laptops, the Python tool).
 * Implementation: owned by the action-runner work item.
 */
export interface CiContext {
  provider: 'github-actions';
  repository?: string; // owner/name
  server_url?: string; // https://github.com
  sha?: string; // commit the run is for (PR head sha on pull_request events)
  ref?: string; // refs/heads/main, refs/pull/12/merge
  branch?: string; // head branch name (PR head branch on pull requests)
  event?: string; // push, pull_request, ...
  pr_number?: number;
  base_branch?: string; // PR base branch
  default_branch?: string;
  workflow?: string;
  job?: string;
  run_id?: string;
  run_attempt?: number;
  runner_os?: string;
  runner_arch?: string;
}
