export function renderErrorPage(message: string, _language: unknown): string {
  return `<p>${message}</p>`;
}
