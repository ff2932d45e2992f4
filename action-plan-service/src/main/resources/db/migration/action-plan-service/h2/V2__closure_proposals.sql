-- An agency proposes an action's closure; the partnership confirms it or returns it (seeds: closure is the Board's).
alter table action_history alter column kind enum('CLOSED', 'CLOSURE_PROPOSED', 'CLOSURE_RETURNED', 'OVERDUE',
    'PROGRESS_REPORTED', 'REOPENED', 'UPDATE_MISSED', 'UPDATE_REQUESTED');
