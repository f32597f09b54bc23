import { describe, expect, it } from 'vitest';
import {
  escapeWorkflowData,
  githubMaskLines,
  gitlabMaskWarning,
} from '../../../../src/output/secret/mask.js';

const SECRET = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3k';
const CREDENTIAL = `key:AKIAEXAMPLE00000000000000000A::${SECRET},tenant id:1234567890`;

describe('githubMaskLines', () => {
  it('masks the secret and the credential under GitHub Actions', () => {
    expect(githubMaskLines([SECRET, CREDENTIAL], { GITHUB_ACTIONS: 'true' })).toEqual([
      `::add-mask::${SECRET}`,
      `::add-mask::${CREDENTIAL}`,
    ]);
  });

  it.each([
    {},
    { GITHUB_ACTIONS: 'false' },
    { GITHUB_ACTIONS: 'TRUE' },
    { GITHUB_ACTIONS: '' },
    { CI: 'true' },
  ])('writes nothing outside GitHub Actions (%j)', (env) => {
    expect(githubMaskLines([SECRET, CREDENTIAL], env)).toEqual([]);
  });

  it('skips empty values and writes a repeated value once', () => {
    expect(githubMaskLines(['', SECRET, SECRET], { GITHUB_ACTIONS: 'true' })).toEqual([
      `::add-mask::${SECRET}`,
    ]);
  });

  it('escapes % first, then CR and LF, so a value cannot end the command or inject another', () => {
    expect(escapeWorkflowData('a%0Ab')).toBe('a%250Ab');
    expect(escapeWorkflowData('x\r\ny')).toBe('x%0D%0Ay');
    expect(escapeWorkflowData('line\n::add-mask::other')).toBe('line%0A::add-mask::other');
    expect(escapeWorkflowData('plain:,; value')).toBe('plain:,; value');
    const lines = githubMaskLines(['p%q\nr'], { GITHUB_ACTIONS: 'true' });
    expect(lines).toEqual(['::add-mask::p%25q%0Ar']);
    expect(lines.join('')).not.toContain('\n');
  });
});

describe('gitlabMaskWarning', () => {
  it('advises a file or exec sink under GitLab CI, where runtime masking is impossible', () => {
    const warning = gitlabMaskWarning({ GITLAB_CI: 'true' });
    expect(warning).toContain('--secret-file');
    expect(warning).toContain('--exec');
  });

  it('is silent elsewhere', () => {
    expect(gitlabMaskWarning({})).toBeUndefined();
    expect(gitlabMaskWarning({ GITHUB_ACTIONS: 'true' })).toBeUndefined();
  });
});
