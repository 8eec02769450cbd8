import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// remark is loaded only when a record's findings are asked for: reading the entries of the
// records (all `litsynth check` needs) parses their frontmatter alone.
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** A record's Markdown as an mdast tree, its frontmatter a `yaml` node. */
export function parseMarkdown(text: string): Root {
  return markdown.parse(text) as Root;
}
