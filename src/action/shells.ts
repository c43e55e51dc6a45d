/**
 * The built-in shells of a `run:` step (`jobs.<id>.steps[*].shell`), as the runner knows them:
 * argument template and script file extension. One table: inputs.ts validates the `shell` input
 * against its names, command.ts runs the script with its template and extension.
 */
export const BUILTIN_SHELLS = {
  bash: { args: '--noprofile --norc -eo pipefail {0}', extension: '.sh' },
  sh: { args: '-e {0}', extension: '.sh' },
  pwsh: { args: `-command ". '{0}'"`, extension: '.ps1' },
  powershell: { args: `-command ". '{0}'"`, extension: '.ps1' },
  python: { args: '{0}', extension: '.py' },
  cmd: { args: '/D /E:ON /V:OFF /S /C "CALL "{0}""', extension: '.cmd' },
} as const satisfies Record<string, { args: string; extension: string }>;

export type BuiltinShell = keyof typeof BUILTIN_SHELLS;

export const BUILTIN_SHELL_NAMES = Object.keys(BUILTIN_SHELLS) as readonly BuiltinShell[];

/** The built-in shell of that command name (`bash`, `cmd`, …), if it is one. */
export function builtinShell(name: string): (typeof BUILTIN_SHELLS)[BuiltinShell] | undefined {
  return Object.hasOwn(BUILTIN_SHELLS, name) ? BUILTIN_SHELLS[name as BuiltinShell] : undefined;
}
