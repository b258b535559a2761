// Migration 19: the id a sender's device gives a message, so a resend is stored once, is called
// what it is: staff send with it too, not only clients. RENAME COLUMN keeps the values and
// rewrites the unique index on (sender_key, sender_message_id) in place, so no row or index
// entry is rebuilt. Append-only once landed.
export const senderMessageId = `
ALTER TABLE messages RENAME COLUMN client_message_id TO sender_message_id;
`;
