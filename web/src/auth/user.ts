import type { Role, TokenPair } from '../api/types';

/** Who is signed in, from the token answer. */
export interface SessionUser {
  id: number;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  companyId: string;
  department: string;
}

export function userFromTokens(pair: TokenPair): SessionUser {
  return {
    id: pair.id ?? 0,
    email: pair.email ?? '',
    role: (pair.role ?? 'Employee') as Role,
    firstName: pair.first_name ?? '',
    lastName: pair.last_name ?? '',
    companyId: pair.company_id ?? '',
    department: pair.department ?? '',
  };
}

export function isStaff(role: Role | undefined | null): boolean {
  return role === 'Ticket Coordinator' || role === 'System Admin';
}

export function isAdmin(role: Role | undefined | null): boolean {
  return role === 'System Admin';
}

/** Where `/` sends a signed-in person. */
export function homePath(role: Role): string {
  return isStaff(role) ? '/queue' : '/tickets';
}
