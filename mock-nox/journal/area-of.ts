export type Area = 'auth' | 'data' | 'page' | 'control';

/** Which NOX surface a path belongs to; decides the error shape and the journal's area. */
export function areaOf(path: string): Area {
  if (path.startsWith('/__nox')) return 'control';
  if (path === '/ui' || path.startsWith('/ui/') || path === '/connect') return 'page';
  if (path.startsWith('/v1/')) return 'data';
  return 'auth';
}
