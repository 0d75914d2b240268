// Checks what comments say (scripts/lint.sh runs it): every file a comment names exists, and no
// file cites notes kept outside the repository or a tracker's entries. Import specifiers are left
// to the build, which fails on them. Usage: node scripts/lint-comments.mjs (exit code 1 if any).
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, extname, join, normalize} from 'node:path';

/** The folders and files whose comments are checked, from the repository's root. */
export const SCOPE = [
  'core', 'wasm', 'js', 'web', 'tests', 'bench', 'scripts', 'tools', 'fuzz', 'examples',
  'CMakeLists.txt', 'README.md'
];

// Citations of what a reader of the repository cannot open: notes kept elsewhere, the tracker's
// entries, work orders. The character classes keep this file from matching itself.
const CITATIONS = [
  /TOOL[C]HAIN/, /pit[f]all [0-9]/, /PE[E]RS\.md/, /ST[Y]LE\.md/, /\.\.\/sha[r]ed/,
  /docs\/js[-]api/, /\b[Ii]ssue #?[0-9]+/, /\b[Tt]he [i]ssues?\b(?! tracker)/, /\b[Ii]ssue'[s]\b/,
  /\b[Tt]icke[t]s?\b/, /\bgithub\.com\/[^\s/]+\/[^\s/]+\/(?:issues|pull)\//
];

// A path names a file by its extension; a bare name only for these kinds of source file, and it
// names an existing file if some tracked file has that name.
const PATH_EXTENSIONS = 'js|mjs|cjs|cpp|h|hpp|inc|py|sh|json|html|css|md|txt|svg|cmake';
const NAME_EXTENSIONS = 'js|mjs|cpp|h|inc|py|sh';
const PATH = new RegExp(
    `(?<![\\w./:@$*-])((?:\\.{1,2}/)*(?:[\\w@+-][\\w.@+-]*/)+[\\w.+-]+\\.(?:${PATH_EXTENSIONS}))` +
        '(?![\\w/-])',
    'g');
const NAME =
    new RegExp(`(?<![\\w./:@$*-])([\\w][\\w.-]*\\.(?:${NAME_EXTENSIONS}))(?![\\w/-])`, 'g');
// What the build writes and what npm installs are not tracked, yet comments may name them; an
// upper-case folder is a placeholder (DIR/js/relu-lab.mjs).
const OUTSIDE_THE_TREE = /^(?:dist|build|node_modules|test-results)\/|(?:^|\/)[A-Z_]+\//;
// Products of the build, the compiler's headers and projects whose names read like file names.
const NOT_TRACKED_NAMES =
    new Set(['relu-lab-simd128.mjs', 'relu-lab-scalar.mjs', 'wasm_simd128.h', 'Node.js', 'TF.js']);

// Comment text of C-like sources (//, /* */) with the code blanked, line breaks kept. Strings,
// template literals, raw strings and regular expression literals are skipped, not searched.
function cLikeComments(text, {regexLiterals}) {
  let out = '';
  let i = 0;
  let previous = '';  // the last significant code character: tells a regex from a division
  const keep = (from, to) => {
    out += text.slice(from, to);
  };
  const blank = (from, to) => {
    out += text.slice(from, to).replace(/[^\n]/g, ' ');
  };
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    let end;
    if (c === '/' && next === '/') {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      keep(i, end);
    } else if (c === '/' && next === '*') {
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
      keep(i, end);
    } else if (c === '"' || c === '\'' || c === '`') {
      const raw = c === '"' && !regexLiterals && /R$/.test(text.slice(Math.max(0, i - 1), i));
      if (raw) {
        const open = text.indexOf('(', i);
        const close = `)${text.slice(i + 1, open)}"`;
        end = text.indexOf(close, open);
        end = end < 0 ? text.length : end + close.length;
      } else {
        end = i + 1;
        while (end < text.length && text[end] !== c) {
          if (text[end] === '\\') end += 1;
          if (text[end] === '\n' && c !== '`') break;
          end += 1;
        }
        end += 1;
      }
      blank(i, end);
      previous = 'a';
    } else if (
        c === '/' && regexLiterals &&
        (previous === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(previous))) {
      end = i + 1;
      let inClass = false;
      while (end < text.length && text[end] !== '\n') {
        if (text[end] === '\\')
          end += 1;
        else if (text[end] === '[')
          inClass = true;
        else if (text[end] === ']')
          inClass = false;
        else if (text[end] === '/' && !inClass)
          break;
        end += 1;
      }
      end += 1;
      blank(i, end);
      previous = 'a';
    } else {
      end = i + 1;
      blank(i, end);
      if (!/\s/.test(c)) previous = /[\w$)\]]/.test(c) ? 'a' : c;
    }
    i = end;
  }
  return out;
}

// Comment text of shell, Python and CMake files: from a # that starts a word to the line's end.
function hashComments(text) {
  return text.split('\n')
      .map((line) => {
        const code = line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, (s) => ' '.repeat(s.length));
        const at = code.search(/(^|\s)#/);
        return at < 0 ? '' : ' '.repeat(at) + line.slice(at);
      })
      .join('\n');
}

/**
 * @returns {string} the comment text of `file` (a Markdown file is all comment), everything else
 *     blanked, so that an offset in it is the same line as in the file.
 */
export function commentsOf(file, text) {
  const ext = extname(file);
  if (['.js', '.mjs', '.cjs'].includes(ext)) return cLikeComments(text, {regexLiterals: true});
  if (['.cpp', '.h', '.hpp', '.inc', '.css'].includes(ext)) {
    return cLikeComments(text, {regexLiterals: false});
  }
  if (['.sh', '.py', '.cmake'].includes(ext) || file.endsWith('CMakeLists.txt')) {
    return hashComments(text);
  }
  if (ext === '.html')
    return text.replace(/(<!--[\s\S]*?-->)|[^\n]/g, (c, comment) => comment ?? ' ');
  if (ext === '.md') return text;
  return '';
}

/** The tracked files as lookups: every path and every file name. */
export function trackedIndex(paths) {
  return {paths: new Set(paths), names: new Set(paths.map((p) => p.split('/').pop()))};
}

// A path names an existing file if it is one from the repository's root or from the commenting
// file's folder, or if a tracked path ends with it (trainer/worker.js, written from web/).
function pathExists(token, file, index) {
  const fromFolder = normalize(join(dirname(file), token));
  const fromRoot = normalize(token);
  if (OUTSIDE_THE_TREE.test(fromRoot)) return true;
  if (index.paths.has(fromFolder) || index.paths.has(fromRoot)) return true;
  if (token.startsWith('.')) return false;
  for (const path of index.paths) {
    if (path.endsWith(`/${token}`)) return true;
  }
  return false;
}

/**
 * @param {string} file the path from the repository's root
 * @param {string} text its content
 * @param {ReturnType<typeof trackedIndex>} index
 * @returns {string[]} "file:line: problem" for every stale name and citation
 */
export function lintFile(file, text, index) {
  const problems = [];
  const lineOf = (at) => text.slice(0, at).split('\n').length;
  for (const pattern of CITATIONS) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      problems.push(`${file}:${lineOf(match.index)}: cites "${match[0]}", outside the repository`);
    }
  }
  const comments = commentsOf(file, text);
  const paths = [];
  for (const match of comments.matchAll(PATH)) {
    paths.push([match.index, match.index + match[0].length]);
    if (!pathExists(match[1], file, index)) {
      problems.push(`${file}:${lineOf(match.index)}: names ${match[1]}, which does not exist`);
    }
  }
  for (const match of comments.matchAll(NAME)) {
    if (paths.some(([from, to]) => match.index >= from && match.index < to)) continue;
    const name = match[1];
    if (!index.names.has(name) && !NOT_TRACKED_NAMES.has(name)) {
      problems.push(`${file}:${lineOf(match.index)}: names ${name}, which no tracked file is`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../', import.meta.url).pathname;
  // Tracked files and new ones not yet added (but not ignored), as they are on disk.
  const git = (...args) =>
      execFileSync(
          'git', ['ls-files', '--cached', '--others', '--exclude-standard', ...args],
          {cwd: root, encoding: 'utf8'})
          .split('\n')
          .filter((file) => file && existsSync(join(root, file)));
  const index = trackedIndex(git());
  const problems =
      git('--', ...SCOPE)
          .filter((file) => !/\.(?:wasm|png|gif|ico|bin)$/.test(file))
          .flatMap((file) => lintFile(file, readFileSync(join(root, file), 'utf8'), index));
  for (const problem of problems) console.log(problem);
  process.exit(problems.length ? 1 : 0);
}
