// SLA and automatic-assignment requests: the policy (System Admin), a
// ticket's re-measurement, the staff's availability and the departments' modes.
import { api } from './client';
import type { AssignmentMode, Availability, DepartmentAssignment, SlaPolicy, TicketRow } from './types';

export function getSlaPolicy(signal?: AbortSignal): Promise<SlaPolicy> {
  return api.get<SlaPolicy>('/api/sla/policy/', { signal });
}

/** The members sent replace the current policy's; the answer is the new version. */
export function changeSlaPolicy(change: SlaPolicy): Promise<SlaPolicy> {
  return api.patch<SlaPolicy>('/api/sla/policy/', change);
}

/** Measures the ticket under the current policy (If-Match: its version; a stale one is a 412). */
export function reapplySla(ticket: Pick<TicketRow, 'id' | 'version'>): Promise<TicketRow> {
  return api.post<TicketRow>(`/api/tickets/${ticket.id}/reapply-sla/`, undefined, { ifMatch: ticket.version });
}

export function getAvailability(signal?: AbortSignal): Promise<Availability> {
  return api.get<Availability>('/api/employee/availability/', { signal });
}

export function setAvailability(available: boolean): Promise<Availability> {
  return api.patch<Availability>('/api/employee/availability/', { available });
}

export async function listAssignmentModes(signal?: AbortSignal): Promise<DepartmentAssignment[]> {
  const answer = await api.get<{ departments: DepartmentAssignment[] }>('/api/assignment/departments/', { signal });
  return answer.departments;
}

export function setAssignmentMode(department: string, mode: AssignmentMode): Promise<DepartmentAssignment> {
  return api.patch<DepartmentAssignment>(`/api/assignment/departments/${encodeURIComponent(department)}/`, { mode });
}
