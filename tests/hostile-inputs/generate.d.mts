// Types of generate.mjs (plain JavaScript, shared with scripts/bench/hostile-inputs.mjs).
export function zip(entries: Array<{ name: string; data: string | Uint8Array }>): Buffer;
export function docx(bodyXml: string): Buffer;
export function paragraph(text: string): string;
export function emptyParagraphsDocx(count: number): Buffer;
export function longThesisText(bytes: number): string;
export function singleLineThesis(count: number): string;
export function blankRunThesis(blanks: number): string;
export function nestedMarkdown(depth: number): string;
export function nearIdenticalNamesBibtex(count: number): string;
export function manyEntriesYaml(count: number): string;
export function aliasBombYaml(): string;
export function write(dir: string, name: string, data: string | Uint8Array): string;
