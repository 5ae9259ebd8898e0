/** Only tags Teams puts in message text, so "<info@contoso.com>" keeps its address. */
const TAG = new RegExp(
  '</?(?:at|a|b|i|u|s|em|strong|p|div|span|br|code|pre|font|del|strike|ins|sub|sup|h[1-6]|ul|ol|li|blockquote)\\b[^<>]*>',
  'gi',
);
const MENTION = /<at\b[^<>]*>[^<]*<\/at\s*>/gi;
const MARKDOWN_LINK = /\[([^[\]]*)\]\([^()\s]*\)/g;
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '"', rdquo: '"', lsquo: "'", rsquo: "'", ndash: '-', mdash: '-', hellip: '...',
};

function decodeEntity(whole: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[lower] ?? whole;
}

/**
 * Turns what Teams delivers (HTML fragments, entities, rich-text quotes, markdown) into plain,
 * single-spaced text. Other people's mentions keep their name unless `dropMentions` is set, because
 * "add <at>Bob Smith</at> to info@" names the person.
 */
export function normaliseText(raw: string, dropMentions = false): string {
  let text = raw.normalize('NFC');
  if (dropMentions) text = text.replace(MENTION, ' ');
  text = text
    .replace(TAG, ' ')
    .replace(ENTITY, decodeEntity)
    .replace(MARKDOWN_LINK, '$1')
    .replace(/mailto:/gi, '')
    .replace(/[<>*`~]/g, ' ')
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .split(/\s+/)
    .map(stripUnderscores)
    .filter((word) => word !== '')
    .join(' ');
  return stripCourtesy(text);
}

function stripCourtesy(text: string): string {
  return trimEnd(text, '?!. ')
    .replace(/^\/+/, '')
    .replace(/^(?:please|pls|hey|hi)[,!]? (?=\S)/i, '')
    .replace(/,? (?:please|pls|thanks|thank you)$/i, '')
    .trim();
}

/** Markdown italics ("_info@_") wrap a word in pairs; other underscores belong to the address. */
function stripUnderscores(word: string): string {
  let lead = 0;
  let trail = 0;
  while (lead < word.length && word[lead] === '_') lead += 1;
  while (trail < word.length - lead && word[word.length - 1 - trail] === '_') trail += 1;
  const pairs = Math.min(lead, trail);
  return word.slice(pairs, word.length - pairs);
}

/** Trims from the end, one character at a time, so long runs never make a regex backtrack. */
export function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}
