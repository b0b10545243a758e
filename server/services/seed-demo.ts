import type { AppDeps } from '../http/context';

/** Seeds the demo commune (villages, households, demo accounts) into an empty commune. */
export async function seedDemo(_deps: AppDeps, _communeId: string): Promise<string[]> {
  return [];
}
