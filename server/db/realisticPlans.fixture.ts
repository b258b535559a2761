// The inbox page of several locations exactly as it landed before plans were checked with
// realistic statistics: fine without statistics, but on an analyzed 1M-message file the planner
// started from `locations` (4 rows), walked each location's conversations and sorted them all
// (~0.4 s a page). Kept so the plan rules are shown to catch it.
export const LANDED_LOCATIONS_PAGE_SQL = `SELECT c.id, c.last_activity_at, c.unread_count,
    cl.id AS client_id, cl.name AS client_name, l.id AS location_id, l.name AS location_name,
    lm.text AS last_text, lm.author_kind AS last_author_kind, lm.created_at AS last_created_at,
    (SELECT count(*) FROM attachments la WHERE la.message_id = c.last_message_id) AS last_attachment_count,
    a.id AS appointment_id, a.client_id AS appointment_client_id,
    a.service AS appointment_service, a.starts_at AS appointment_starts_at, a.status AS appointment_status,
    al.id AS appointment_location_id, al.name AS appointment_location_name, ast.name AS appointment_staff_name
  FROM conversations c
  JOIN clients cl ON cl.id = c.client_id
  JOIN locations l ON l.id = c.location_id
  LEFT JOIN messages lm ON lm.id = c.last_message_id
  LEFT JOIN appointments a ON a.id = c.last_appointment_id
  LEFT JOIN locations al ON al.id = a.location_id
  LEFT JOIN team_members ast ON ast.id = a.staff_member_id
  WHERE +c.location_id IN (SELECT value FROM json_each(:locationIds)) AND (c.last_activity_at, c.id) < (:beforeAt, :beforeId)
  ORDER BY c.last_activity_at DESC, c.id DESC
  LIMIT :limit`;
