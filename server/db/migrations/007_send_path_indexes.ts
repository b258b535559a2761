// Migration 7: one index fewer for every stored message. messages_by_appointment
// served only the foreign key's ON DELETE SET NULL, and nothing deletes appointments (the
// booking system cancels them); every client message still paid for a random page of it in
// its commit (~7 µs of ~190 µs of server time per send, measured). The foreign key stays: a
// deleted appointment still clears its messages' appointment_id, by a scan. Add the index back
// alongside any feature that deletes appointments. Append-only once landed.
export const sendPathIndexes = `
DROP INDEX messages_by_appointment;
`;
