// What the booking system sends us (PUT, idempotent, by its own ids): the salon's locations, its
// clients and their appointments. The first PUT of a ref creates the record, every later one
// updates the same record; a repeated PUT changes nothing. Clients with the page open see their
// appointments change at once, and staff see a renamed client at once.
import type { z } from 'zod';
import {
  externalRefSchema,
  integrationAppointmentSchema,
  integrationClientSchema,
  integrationLocationSchema,
  routes,
  type IntegrationUpsertResponse,
} from '../../shared/http';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import { checkEmail, checkMobile, type FieldError } from '../clientProfile/contactValidation';
import { requireIntegrationKey } from './integrationKey';

export type BookingSyncEvents = {
  /** A client's name changed: staff who can see the client get the new profile. */
  clientRenamed(clientId: number): void;
  /** One of the client's appointments was added or changed. */
  appointmentsChanged(clientId: number): void;
};

const CHECK_FIELDS = 'Check the fields named in details. Nothing was saved.';

export function bookingSyncRoutes({ repos, clock, config, log }: ServerDeps, events: BookingSyncEvents): Route[] {
  /** The ref from the path and the checked body, after the key. */
  async function read<S extends z.ZodType>(request: ApiRequest, body: S): Promise<{ ref: string; input: z.infer<S> }> {
    requireIntegrationKey(config.integrationKey, request);
    const ref = parseOrThrow(externalRefSchema, request.params.ref);
    return { ref, input: parseOrThrow(body, await request.readJson()) };
  }

  async function putLocation(request: ApiRequest): Promise<IntegrationUpsertResponse> {
    const { ref, input } = await read(request, integrationLocationSchema);
    const location = repos.transaction(() => repos.bookingSync.upsertLocation(ref, input.name));
    if (location.created) log.info('Booking system added a location', { locationId: location.id, ref });
    return { id: location.id, ref, created: location.created };
  }

  async function putClient(request: ApiRequest): Promise<IntegrationUpsertResponse> {
    const { ref, input } = await read(request, integrationClientSchema);
    // Contact details are only taken for a new client (integrationClientSchema), so only then
    // checked: a number the salon has since corrected must not block renaming the client.
    const isNew = repos.bookingSync.clientIdByRef(ref) === null;
    const mobile = isNew ? checkMobile(input.mobile ?? '', repos.bookingSync.country()) : ({ ok: true, value: null } as const);
    const email = isNew ? checkEmail(input.email ?? '') : ({ ok: true, value: null } as const);
    if (!mobile.ok || !email.ok) {
      const problems: FieldError[] = [...(mobile.ok ? [] : [mobile.error]), ...(email.ok ? [] : [email.error])];
      throw new HttpError(400, 'bad_request', CHECK_FIELDS, problems);
    }
    const client = repos.transaction(() =>
      repos.bookingSync.upsertClient(ref, { name: input.name, mobile: mobile.value, email: email.value }, clock.now()),
    );
    if (client.renamed) events.clientRenamed(client.id);
    return { id: client.id, ref, created: client.created };
  }

  async function putAppointment(request: ApiRequest): Promise<IntegrationUpsertResponse> {
    const { ref, input } = await read(request, integrationAppointmentSchema);
    const clientId = repos.bookingSync.clientIdByRef(input.clientRef);
    if (clientId === null) {
      throw new HttpError(404, 'not_found', `There is no client with ref ${input.clientRef}: PUT it to ${routes.integrationClient} first.`);
    }
    const locationId = repos.bookingSync.locationIdByRef(input.locationRef);
    if (locationId === null) {
      throw new HttpError(404, 'not_found', `There is no location with ref ${input.locationRef}: PUT it to ${routes.integrationLocation} first.`);
    }
    let staffMemberId: number | null = null;
    if (input.staffEmail) {
      const staff = repos.team.credentialsByEmail(input.staffEmail);
      if (!staff) {
        const message = 'No team member signs in with this email.';
        throw new HttpError(400, 'bad_request', CHECK_FIELDS, [{ path: 'staffEmail', message }]);
      }
      // A deactivated member takes no new appointments; one already theirs may be sent again.
      if (staff.deactivated && repos.bookingSync.appointmentStaffIdByRef(ref) !== staff.id) {
        const message = 'This team member is deactivated: give the appointment to someone else.';
        throw new HttpError(400, 'bad_request', CHECK_FIELDS, [{ path: 'staffEmail', message }]);
      }
      staffMemberId = staff.id;
    }
    // Its messages and conversation point at it: it cannot become another client's.
    const owner = repos.bookingSync.appointmentClientIdByRef(ref);
    if (owner !== null && owner !== clientId) {
      const message = 'An appointment cannot move to another client. Cancel it and send a new one with its own ref.';
      throw new HttpError(409, 'conflict', message, [{ path: 'clientRef', message }]);
    }
    const appointment = repos.transaction(() =>
      repos.bookingSync.upsertAppointment(ref, {
        clientId,
        locationId,
        service: input.service,
        staffMemberId,
        startsAt: Date.parse(input.startsAt),
        status: input.status,
      }),
    );
    if (appointment.changed) events.appointmentsChanged(clientId);
    return { id: appointment.id, ref, created: appointment.created };
  }

  return [
    { method: 'PUT', path: routes.integrationLocation, handle: putLocation },
    { method: 'PUT', path: routes.integrationClient, handle: putClient },
    { method: 'PUT', path: routes.integrationAppointment, handle: putAppointment },
  ];
}
