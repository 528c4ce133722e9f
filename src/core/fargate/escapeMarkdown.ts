// Everything that can start inline Markdown or HTML (emphasis, code, links and images, raw HTML, entities, table cells,
// strikethrough, math, a heading's closing #s): a backslash makes each a literal character.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~$#!]/g;

/**
 * Text from AWS made literal for an inline position of a Markdown document (a table cell, after a list item's label,
 * in a heading after its first word): never at the start of a line, where -, + or 1. would begin a block. Line breaks
 * become spaces, so that a value cannot end the table row or list item it is in.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(INLINE_SPECIAL, (c) => `\\${c}`);
}
