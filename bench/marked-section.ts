/**
 * BENCHMARKS.md is shared by several benches: each owns only the text between
 * its own `<!-- bench:<name>:start -->` and `…:end -->` markers.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const intro = `# Benchmarks

Figures measured on one machine, each section by its own command. Every
section sits between its own marker comments and is rewritten only by its
bench, so sections can be added and refreshed independently.
`;

/** Replaces the named section of the file, or adds it (and the file) if missing. */
export function writeMarkedSection(file: string, name: string, section: string): void {
  const startMarker = `<!-- bench:${name}:start -->`;
  const endMarker = `<!-- bench:${name}:end -->`;
  const block = `${startMarker}\n${section.trim()}\n${endMarker}`;
  if (!existsSync(file)) {
    writeFileSync(file, `${intro}\n${block}\n`);
    return;
  }
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start >= 0 && end > start) {
    writeFileSync(file, `${text.slice(0, start)}${block}${text.slice(end + endMarker.length)}`);
  } else {
    writeFileSync(file, `${text.trimEnd()}\n\n${block}\n`);
  }
}
