// What a member without Access client chats sees instead of the inbox (R9).
export function NoAccess() {
  return (
    <div className="empty-state">
      <h1 className="empty-state__title">Client messages</h1>
      <p>
        You don't have access to client messages. Ask a workspace owner to give you the Access client chats
        permission.
      </p>
    </div>
  );
}
