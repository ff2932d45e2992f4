-- db-scheduler's table. audit-programme-service has no deadlines of its own, but where db-scheduler is on
-- the class path (the one-JVM local run) its deadline scheduler polls this table. Idempotent: a database
-- baselined from the local run already has it.
create table if not exists scheduled_tasks (
  task_name varchar(250) not null,
  task_instance varchar(250) not null,
  task_data blob,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by varchar(50),
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);
create index if not exists execution_time_idx on scheduled_tasks (execution_time);
create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
