/** The fields the hosted pages' forms post; a missing or repeated field reads as empty. */
export interface PageForm {
  token: string;
  language: string;
  action: string;
  username: string;
  password: string;
  code: string;
}

export function readForm(body: unknown): PageForm {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const field = (name: keyof PageForm) => {
    const value = fields[name];
    return typeof value === 'string' ? value : '';
  };
  return {
    token: field('token'),
    language: field('language'),
    action: field('action'),
    username: field('username'),
    password: field('password'),
    code: field('code'),
  };
}
