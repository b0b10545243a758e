// The open-redirect guard: where a sign-in, a language switch or a form may
// send the browser back to.

/** Only a same-site path may be a return address (no //host, no scheme). */
export function safeBack(path: string | undefined | null): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\u0000-\u001f]/.test(path)) return '/';
  return path;
}
