export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell';

export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish', 'powershell'];

export interface CompletionOptions {
  shell: Shell;
}
