import type { NestExpressApplication } from '@nestjs/platform-express';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `METHOD /path` of every route the running application serves under /api, from Express's router. */
export function servedRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const out = new Set<string>();
  for (const layer of express.router.stack) {
    // Middleware bound with a wildcard (request logging) shows up as a route of every method: not an endpoint.
    if (!layer.route || !layer.route.path.startsWith('/api/') || layer.route.path.includes('{*')) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return [...out].sort();
}

/** Which kind of record a route's :id names. */
export function idKind(route: string): 'article' | 'user' | 'node' {
  if (/^\/api\/(moderation\/)?articles\/:id/.test(route)) return 'article';
  if (/\/users\/:id/.test(route)) return 'user';
  return 'node';
}
