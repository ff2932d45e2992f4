-- An agency proposes an action's closure; the partnership confirms it or returns it (seeds: closure is the Board's).
ALTER TABLE action_history DROP CONSTRAINT action_history_kind_check;
ALTER TABLE action_history ADD CONSTRAINT action_history_kind_check CHECK (((kind)::text = ANY ((ARRAY['PROGRESS_REPORTED'::character varying, 'UPDATE_REQUESTED'::character varying, 'UPDATE_MISSED'::character varying, 'OVERDUE'::character varying, 'CLOSED'::character varying, 'REOPENED'::character varying, 'CLOSURE_PROPOSED'::character varying, 'CLOSURE_RETURNED'::character varying])::text[])));
