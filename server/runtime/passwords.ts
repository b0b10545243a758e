import type { PasswordHasher } from './types';

// PBKDF2-SHA256 through WebCrypto, which every runtime has. Workers cap
// PBKDF2 at 100,000 iterations, so that is the count; the salt is 16 random
// bytes. The stored form names its parameters, so they can be raised later
// without breaking old hashes.
const ITERATIONS = 100_000;

function b64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
function unb64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, 256);
  return new Uint8Array(bits);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function pbkdf2Hasher(random: (n: number) => Uint8Array, iterations = ITERATIONS): PasswordHasher {
  return {
    async hash(password) {
      const salt = random(16);
      const hash = await derive(password, salt, iterations);
      return `pbkdf2-sha256$${iterations}$${b64(salt)}$${b64(hash)}`;
    },
    async verify(password, stored) {
      const [scheme, iter, salt, hash] = stored.split('$');
      if (scheme !== 'pbkdf2-sha256' || !iter || !salt || !hash) return false;
      const got = await derive(password, unb64(salt), Number(iter));
      return equalBytes(got, unb64(hash));
    },
  };
}
