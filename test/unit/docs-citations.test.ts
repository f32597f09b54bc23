import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own: nothing cites the team's reference files outside it, and
 * every `docs/<file>.md` that code, tests or docs cite exists, with the section it names.
 *
 * Heading convention of docs/: a numbered section is `## N. Title`, a subsection
 * `### N.M Title`; it is cited as `docs/<file>.md §N` or `§N.M` (`section N` is accepted too).
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
const SCANNED = ['src', 'test', 'docs', 'bench', 'scripts', '.ci', 'README.md'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git']);
const TEXT = /\.(?:[cm]?[jt]s|md|json|ya?ml|sh|txt)$|^[^.]+$/;
/**
 * Paths into the team's shared folder, which is not part of this repository. (A bare
 * `../shared` is a noun's own `shared/` folder of helpers, e.g. `src/cli/commands/keys/shared`.)
 */
const OUTSIDE = ['shared/spec', 'shared/reference', 'shared/hooks'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    if (SKIPPED_DIRS.has(name)) return [];
    const child = join(path, name);
    if (statSync(child).isDirectory()) return filesUnder(child);
    return TEXT.test(name) ? [child] : [];
  });
}

function scanned(roots: readonly string[]): string[] {
  return roots.flatMap((root) => filesUnder(join(ROOT, root))).map((p) => relative(ROOT, p));
}

interface Citation {
  file: string;
  line: number;
  doc: string;
  /** Section numbers cited, e.g. `['7']` or `['8.2', '8.10']`; empty for the whole page. */
  sections: string[];
}

const NUMBER = String.raw`\d+(?:\.\d+)*`;
/** Between the path and `§`: spaces, a closing backtick, a line break inside a comment. */
const GAP = String.raw`(?:[\s*\`]|\/\/)*`;
const SECTIONS = String.raw`(?:§|section\s+)${NUMBER}(?:\s*(?:,|and|to|-|–)\s*§?${NUMBER})*`;
const CITATION = new RegExp(String.raw`docs/([A-Za-z0-9._-]+\.md)(?:${GAP}(${SECTIONS}))?`, 'g');

/** Every `docs/<file>.md [§N…]` in `text`. */
function citationsIn(file: string, text: string): Citation[] {
  return [...text.matchAll(CITATION)].map((m) => ({
    file,
    line: text.slice(0, m.index).split('\n').length,
    doc: m[1] as string,
    sections: m[2] === undefined ? [] : [...m[2].matchAll(new RegExp(NUMBER, 'g'))].map(String),
  }));
}

/** Whether `markdown` has a heading `## N.` (or `### N.M`) for `section`. */
function hasSection(markdown: string, section: string): boolean {
  const escaped = section.replaceAll('.', String.raw`\.`);
  return new RegExp(String.raw`^#{2,6} ${escaped}\.?(?:\s|$)`, 'm').test(markdown);
}

describe('docs citations', () => {
  it('cites nothing outside the repository', () => {
    const offenders: string[] = [];
    for (const file of scanned(SCANNED)) {
      if (file === SELF) continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const hit = OUTSIDE.find((needle) => text.includes(needle));
          if (hit) offenders.push(`${file}:${i + 1}: ${hit}`);
        });
    }
    expect(offenders, 'cite docs/ instead').toEqual([]);
  });

  it('cites only docs pages and sections that exist', () => {
    const citations = scanned(SCANNED)
      .filter((file) => file !== SELF)
      .flatMap((file) => citationsIn(file, readFileSync(join(ROOT, file), 'utf8')));
    // The pattern must keep finding the citations, or this test would pass on nothing.
    expect(citations.filter((c) => c.sections.length > 0).length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const c of citations) {
      const path = join(ROOT, 'docs', c.doc);
      if (!existsSync(path)) {
        broken.push(`${c.file}:${c.line}: docs/${c.doc} does not exist`);
        continue;
      }
      const markdown = readFileSync(path, 'utf8');
      for (const section of c.sections) {
        if (!hasSection(markdown, section)) {
          broken.push(`${c.file}:${c.line}: docs/${c.doc} has no section ${section}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('reads citations and headings as the convention says', () => {
    const text = '/** See docs/ims-api.md\n * §8.4 and docs/cli-contract.md §6 and §8. */';
    expect(citationsIn('x.ts', text)).toEqual([
      { file: 'x.ts', line: 1, doc: 'ims-api.md', sections: ['8.4'] },
      { file: 'x.ts', line: 2, doc: 'cli-contract.md', sections: ['6', '8'] },
    ]);
    expect(citationsIn('x.md', '`docs/design.md` section 4')[0]?.sections).toEqual(['4']);
    const doc = '## 3. Auth\n### 3.1 Login\n## 30. Other\n';
    expect(hasSection(doc, '3')).toBe(true);
    expect(hasSection(doc, '3.1')).toBe(true);
    expect(hasSection(doc, '3.2')).toBe(false);
    expect(hasSection(doc, '1')).toBe(false);
  });
});
