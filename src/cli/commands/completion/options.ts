export type Shell = 'bash' | 'zsh' | 'fish';
export interface CompletionOptions {
  shell: Shell;
}
