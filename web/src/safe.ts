/**
 * Article content is untrusted. It is only ever rendered as text nodes
 * (Preact escapes them); links are only made from http(s) URLs.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  return u.href;
}

export function hostOf(url: string | null | undefined): string | null {
  const h = safeHref(url);
  if (!h) return null;
  return new URL(h).hostname;
}
