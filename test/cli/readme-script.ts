/**
 * The README's shell blocks as a script: every command in order, with the ids earlier commands printed
 * put where the README writes a placeholder (`cus_…`, `cl_…`, `<reviewer key>`, …). Used by
 * `readme-commands.test.ts`; kept apart so the parsing is unit-tested on its own.
 */

export interface ReadmeCommand {
  /** The command as the README prints it (continuations joined, comment removed). */
  readonly text: string;
  /** The comment after it on the same line, if any (where the README states a figure). */
  readonly comment: string;
  /** The heading of the section the block is in. */
  readonly section: string;
  /** Set when the block is marked `<!-- readme-test: skip … -->`: the reason. */
  readonly skipped: string | undefined;
}

/** Splits a shell line into words, honouring single and double quotes (no expansions are used). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${text}`);
  if (inWord) words.push(current);
  return words;
}

/** Where a `#` starts a comment (outside quotes, at a word start). */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}

/** Splits `a && b ; c` into commands (outside quotes). */
function splitCommands(line: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ';' || (char === '&' && line[i + 1] === '&')) {
      parts.push(line.slice(start, i));
      start = i + (char === ';' ? 1 : 2);
      if (char === '&') i += 1;
    }
  }
  parts.push(line.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** The commands of every ```sh block, in order; the README's first lines count as a block. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const lines = markdown.split('\n');
  const commands: ReadmeCommand[] = [];
  let section = '(top)';
  let skip: string | undefined;
  let inBlock = false;
  let pending = '';
  const add = (raw: string, skipped: string | undefined) => {
    const at = commentStart(raw);
    const code = at < 0 ? raw : raw.slice(0, at);
    const comment = at < 0 ? '' : raw.slice(at + 1).trim();
    for (const text of splitCommands(code)) commands.push({ text, comment, section, skipped });
  };
  // The README opens with its two commands, outside a fence.
  for (const raw of lines.slice(0, 2)) add(raw, undefined);
  for (const raw of lines.slice(2)) {
    if (!inBlock) {
      const heading = /^#{1,6}\s+(.*)$/.exec(raw);
      if (heading?.[1]) section = heading[1].trim();
      const marker = /<!--\s*readme-test:\s*skip\s*(.*?)\s*-->/.exec(raw);
      if (marker) skip = marker[1] || 'marked skip';
      if (/^```sh\s*$/.test(raw)) inBlock = true;
      continue;
    }
    if (/^```\s*$/.test(raw)) {
      inBlock = false;
      skip = undefined;
      continue;
    }
    const line = pending + raw;
    if (/\\\s*$/.test(raw)) {
      pending = `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    pending = '';
    if (line.trim()) add(line, skip);
  }
  return commands;
}

/** Drops the optional parts the README writes in brackets: `decide … [--amount 8000.00]` → `decide …`. */
export function withoutOptionalParts(text: string): string {
  return text.replace(/\s*\[[^\]]*\]/g, '').trim();
}
