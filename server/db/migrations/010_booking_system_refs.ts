// Migration 10: the booking system's own ids for what it sends us (locations, clients,
// appointments), so the integration API can create a record the first time and update the same
// one every time after. Rows created here (the demo, a first owner) have none. Append-only once
// landed.
export const bookingSystemRefs = `
ALTER TABLE locations ADD COLUMN external_ref TEXT;
ALTER TABLE clients ADD COLUMN external_ref TEXT;
ALTER TABLE appointments ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX locations_by_external_ref ON locations (external_ref) WHERE external_ref IS NOT NULL;
CREATE UNIQUE INDEX clients_by_external_ref ON clients (external_ref) WHERE external_ref IS NOT NULL;
CREATE UNIQUE INDEX appointments_by_external_ref ON appointments (external_ref) WHERE external_ref IS NOT NULL;
`;
