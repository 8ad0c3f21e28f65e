/** Roles a simulator API key can have. */
export type Role = 'admin' | 'nonAdmin' | 'noPlan';

/** An account behind an API key. */
export interface KeyAccount {
  role: Role;
  uid: string;
  name: string;
  isAdmin: boolean;
  hasPlan: boolean;
}

/** Default keys (fixed, documented in the README); the admin key is configurable. */
export const DEFAULT_KEYS = {
  admin: 'sim_admin_key',
  nonAdmin: 'sim_user_key',
  noPlan: 'sim_noplan_key',
} as const;

/** Builds the key table: admin (admin + plan), nonAdmin (plan, no admin), noPlan (admin, no plan). */
export function keyTable(keys: { admin: string; nonAdmin: string; noPlan: string }): Map<string, KeyAccount> {
  return new Map<string, KeyAccount>([
    [keys.admin, { role: 'admin', uid: 'simAdminUid000000001', name: 'Simulator Admin', isAdmin: true, hasPlan: true }],
    [keys.nonAdmin, { role: 'nonAdmin', uid: 'simUserUid0000000001', name: 'Simulator User', isAdmin: false, hasPlan: true }],
    [keys.noPlan, { role: 'noPlan', uid: 'simNoPlanUid00000001', name: 'Simulator No-Plan Admin', isAdmin: true, hasPlan: false }],
  ]);
}

/**
 * Extracts the key from any of the three documented header styles:
 * `API-KEY: k`, `Authorization: API-KEY k`, `Authorization: Bearer k`.
 */
export function keyFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const direct = headers['api-key'];
  if (typeof direct === 'string' && direct.trim()) return direct.trim();
  const auth = headers.authorization;
  if (typeof auth !== 'string') return undefined;
  const m = /^\s*(API-KEY|Bearer)\s+(\S+)\s*$/i.exec(auth);
  return m ? m[2] : undefined;
}
