import type { Language } from '../store/schema.ts';

const languages: readonly string[] = ['nl', 'en', 'fr', 'es'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && languages.includes(value);
}

/** The page's language: the one asked for (query or form field) when NOX has it, else the fallback. */
export function pageLanguage(requested: unknown, fallback: Language): Language {
  return isLanguage(requested) ? requested : fallback;
}
