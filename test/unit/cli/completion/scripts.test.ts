import { describe, expect, it } from 'vitest';
import { completionScript } from '../../../../src/cli/commands/completion/completion/body.js';

/**
 * The text of the generated scripts. bash, zsh and fish run in real shells in
 * test/e2e/completion/shells.test.ts; pwsh is not installed on the test machines, so the
 * PowerShell script is checked here by its shape only.
 */

describe('completion powershell', () => {
  it('registers a native argument completer for helixctl', async () => {
    const text = await completionScript('powershell');
    expect(text).toMatch(
      /^Register-ArgumentCompleter -Native -CommandName 'helixctl' -ScriptBlock \$__helixctlCompleterBlock$/m,
    );
    expect(text).toMatch(/param\(\s*\$WordToComplete,\s*\$CommandAst,\s*\$CursorPosition\s*\)/);
  });

  it('asks the same lean completion path as the other shells, and reads its directive line', async () => {
    const text = await completionScript('powershell');
    expect(text).toContain(`$RequestComp = "& helixctl complete '--' $QuotedArgs"`);
    expect(text).toContain("$Out[-1].TrimStart(':')");
    // The candidates are `value<TAB>description` lines.
    expect(text).toContain('$_.Split("`t", 2)');
  });
});

describe('completion bash', () => {
  it('declares nothing readonly, so sourcing it again is harmless', async () => {
    const text = await completionScript('bash');
    expect(text).not.toMatch(/\breadonly\b|declare -r/);
    expect(text).toMatch(/^complete -F __helixctl_complete helixctl$/m);
  });

  it('uses bash-completion only when it is loaded, else COMP_WORDS/COMP_CWORD', async () => {
    const text = await completionScript('bash');
    expect(text).toContain('if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then');
    expect(text).toContain('COMP_WORDS');
    expect(text).toContain('COMP_CWORD');
  });

  it('passes the words as arguments to `helixctl complete --`, never through eval', async () => {
    const text = await completionScript('bash');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash text, not a template
    expect(text).toContain('helixctl complete -- "${words[@]:1:cword-1}" "$cur"');
    expect(text).not.toContain('eval');
  });
});
