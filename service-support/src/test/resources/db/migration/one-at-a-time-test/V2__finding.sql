create table finding (id varchar(36) primary key, case_return_id varchar(36) not null references case_return (id));
