import type { AppContext } from './context';

/**
 * The client a rate limit counts against (login tries, serial guesses).
 * A header is believed only where something trustworthy set it: Cloudflare
 * sets CF-Connecting-IP on Workers (and overwrites what a client sent); an
 * X-Forwarded-For is believed only behind a proxy the operator declared with
 * DANBAN_TRUST_PROXY=1, since a client can write its own. Otherwise the
 * socket's address.
 */
export function clientKey(c: AppContext): string {
  const deps = c.get('deps');
  if (deps.name === 'worker') return c.req.header('cf-connecting-ip') ?? 'worker';
  if (deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
