import type { Language } from '../../store/schema.ts';

/** The fake manufacturer login of a brand; with a token and language, the link that opens it. */
export function loginPath(slug: string, link?: { token: string; language: Language }): string {
  const path = `/ui/login/${encodeURIComponent(slug)}`;
  return link ? `${path}?${new URLSearchParams(link)}` : path;
}

export function oneTimeCodePath(slug: string): string {
  return `${loginPath(slug)}/otp`;
}
