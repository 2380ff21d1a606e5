// Names for the API's shapes, all derived from the generated OpenAPI types
// (src/api/schema.gen.ts, made by `npm run gen`), so a server change that
// breaks the console fails the type check.
import type { components } from './schema.gen';

type Schemas = components['schemas'];

/** Every property present (the server always sends each field, null when empty). */
type Present<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
/** Present, all the way down (for the catalogue's nested objects). */
type DeepPresent<T> = T extends readonly (infer I)[]
  ? DeepPresent<I>[]
  : T extends object
    ? { [K in keyof T]-?: DeepPresent<Exclude<T[K], undefined>> }
    : T;

export type ApiErrorBody = Schemas['Error'];
export type Account = Present<Schemas['Account']>;
export type Person = Schemas['Person'];
export type TokenPair = Schemas['TokenPair'];
export type Attachment = Present<Schemas['Attachment']>;
export type Comment = Present<Schemas['Comment']>;
export type HistoryEvent = Present<Schemas['HistoryEvent']>;
/** A ticket as the detail route answers it (with attachments and comments). */
export type Ticket = Omit<Present<Schemas['Ticket']>, 'attachments' | 'comments'> & {
  attachments: Attachment[];
  comments: Comment[];
};
/** A ticket as list rows and action results give it. */
export type TicketRow = Omit<Ticket, 'attachments' | 'comments'> & Partial<Pick<Ticket, 'attachments' | 'comments'>>;
export type TicketAction = Ticket['actions'][number];
export type TicketStats = Schemas['TicketStats'];
export type Catalog = DeepPresent<Schemas['Catalog']>;
export type CatalogCategory = Catalog['categories'][number];
export type RejectedAccount = Present<Schemas['RejectedAccount']>;
export type OutboxEvent = Present<Schemas['OutboxEvent']>;
export type ApiKey = Present<Schemas['ApiKey']>;
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type CannedReply = Present<Schemas['CannedReply']>;
export type RenderedReply = Schemas['RenderedReply'];
export type AccountHistoryEntry = Present<Schemas['AccountHistoryEntry']>;
/** The members of `PATCH /api/tickets/{id}/`; `assigned_to: null` unassigns. */
export type TicketEdit = Schemas['EditTicket'];
export type AccountUpdate = Schemas['AccountUpdate'];
/** A target's or a ticket's SLA state: on_track, at_risk, breached, met, paused. */
export type SlaState = Schemas['SlaState'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaSpan = Schemas['SlaSpan'];
export type SlaTargets = Schemas['SlaTargets'];
export type SlaCompliance = Schemas['SlaCompliance'];
export type Availability = Schemas['Availability'];
export type DepartmentAssignment = Schemas['DepartmentAssignment'];
export type AssignmentMode = DepartmentAssignment['mode'];

/** The API's paged answer; next/previous are URLs (take their `cursor`/`page`). */
export interface Page<T> {
  count: number | null;
  next: string | null;
  previous: string | null;
  results: T[];
}

export type Role = 'Employee' | 'Ticket Coordinator' | 'System Admin';
