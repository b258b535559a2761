// Migration 8: migration 7's reasoning, for conversations. The index on
// last_appointment_id served only the foreign key's ON DELETE SET NULL, and nothing deletes
// appointments; yet every stored message rewrote its entry (the send sets last_appointment_id,
// even to the value it already had), one more random page in each commit: ~0.2 of the ~2.3 WAL
// pages a client message writes, measured. The foreign key stays: a deleted appointment still
// clears last_appointment_id, by a scan. Add the index back alongside any feature that deletes
// appointments. Append-only once landed.
export const conversationAppointmentIndex = `
DROP INDEX conversations_by_last_appointment;
`;
