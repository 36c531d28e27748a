/** Public result types of HTML article extraction. */

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'code' | 'table';

export interface ExtractedBlock {
  kind: BlockKind;
  /** Offsets into `ExtractedArticle.text` (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  /** Offsets of the source element in the HTML string, when the block came from the DOM. */
  htmlStart?: number;
  htmlEnd?: number;
}

export type BoilerplateKind =
  | 'nav' | 'share' | 'related' | 'comments' | 'cookie' | 'ads' | 'newsletter' | 'sidebar'
  | 'footer' | 'author-box' | 'media' | 'popup' | 'header' | 'link-list' | 'phrase' | 'hidden' | 'other';

export interface BoilerplateItem {
  kind: BoilerplateKind;
  /** Why it was dropped: the tag, role, class/id token or rule that matched. */
  reason: string;
  /** The dropped text, whitespace-normalised and cut to a few hundred characters. */
  text: string;
  htmlStart: number;
  htmlEnd: number;
}

export interface ExtractedArticle {
  text: string;
  blocks: ExtractedBlock[];
  title: string | null;
  authors: string[];
  /** ISO 8601; keeps the page's own UTC offset when it gives one. */
  published: string | null;
  modified: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  /** Whether `lang` was declared by the page or guessed from the text. */
  langSource: 'declared' | 'detected' | null;
  description: string | null;
  boilerplate: BoilerplateItem[];
  /** How the body was found: scored DOM container, JSON-LD articleBody match, or JSON-LD text only. */
  method: 'dom' | 'jsonld-match' | 'jsonld-text' | 'none';
}

export interface ExtractOptions {
  /** Page URL, used for canonicalUrl fallback and resolving relative links. */
  url?: string;
  /** Maximum input size in bytes (UTF-8); default 10 MB. */
  maxBytes?: number;
  /** Wall-clock limit in milliseconds; default 5000. */
  timeoutMs?: number;
}
