PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_version ( version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
INSERT INTO schema_version VALUES(1,'2026-12-06T23:58:33.737Z');
INSERT INTO schema_version VALUES(2,'2026-12-06T23:58:33.738Z');
INSERT INTO schema_version VALUES(3,'2026-12-06T23:58:33.738Z');
INSERT INTO schema_version VALUES(4,'2026-12-06T23:58:33.739Z');
INSERT INTO schema_version VALUES(5,'2026-12-06T23:58:33.739Z');
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE, -- ASCII case folding
    first_name    TEXT    NOT NULL,
    middle_name   TEXT,
    last_name     TEXT    NOT NULL,
    suffix        TEXT,
    company_id    TEXT    NOT NULL UNIQUE,
    department    TEXT    NOT NULL,
    role          INTEGER NOT NULL CHECK (role BETWEEN 0 AND 2),
    status        INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),
    password_hash TEXT    NOT NULL,
    image_key     TEXT,
    date_created  INTEGER NOT NULL
);
INSERT INTO accounts VALUES(1,'ada.admin@example.com','Ada',NULL,'Admin',NULL,'MA0001','IT Department',2,1,'pbkdf2_sha256$1000$v5RLYgfN7gDlXvrMprT5zV$az5VUHCVeFD7sj40Z2Hqoe3GHRrW/9JlndqpEgJoXy0=',NULL,1767600000000000);
INSERT INTO accounts VALUES(2,'cora.coordinator@example.com','Cora','Mae','Coordinator',NULL,'MA0002','Asset Department',1,1,'pbkdf2_sha256$1000$ROgLUD0QM8J1LBMf3Fe1Ng$Ny8UxsDdeF3hM5mnadyaamzgxP1TlQdgZdRKHxEiqSo=',NULL,1767600001000000);
INSERT INTO accounts VALUES(3,'erin.employee@example.com','Erin',NULL,'Employee','Jr.','MA0003','IT Department',0,1,'pbkdf2_sha256$1000$SU2e0JKfNOxzSFj0CDdCfP$yMfy5En7sir/HPEUFaz2O84lWSSU73M+AvYdg6yqhCI=','img-b66838f6ffafd7b843a1ec73f6abd796',1767600003000000);
INSERT INTO accounts VALUES(4,'sam.second@example.com','Sam',NULL,'Second',NULL,'MA0004','IT Department',0,1,'pbkdf2_sha256$1000$Gwb7aBLFwqbTPmWyxVTg6R$x4DnevdaxjdYedNAborsQmdclkWy1IpEvmmF68BOv1o=',NULL,1767600005000000);
INSERT INTO accounts VALUES(5,'pat.pending@example.com','Pat',NULL,'Pending',NULL,'MA0005','IT Department',0,0,'pbkdf2_sha256$1000$ze4pUJNShmjrYy6jXnd2Kd$c7szrn46Px1xC95jezcJel03FjuN9Mq7q8CwCUyOfoA=',NULL,1767600007000000);
INSERT INTO accounts VALUES(6,'new.admin@example.com','Nia',NULL,'Newadmin',NULL,'MA0007','IT Department',2,1,'!a721121a41ba36c005eff384afcfc0eb',NULL,1767600010000000);
CREATE TABLE rejected_accounts (
    id          INTEGER PRIMARY KEY,
    company_id  TEXT    NOT NULL,
    first_name  TEXT    NOT NULL,
    middle_name TEXT,
    last_name   TEXT    NOT NULL,
    suffix      TEXT,
    email       TEXT    NOT NULL,
    department  TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    rejected_by INTEGER NOT NULL,
    rejected_at INTEGER NOT NULL
);
INSERT INTO rejected_accounts VALUES(1,'MA0006','Rex',NULL,'Rejected',NULL,'rex.rejected@example.com','IT Department','Not an employee of the company',1,1767600009000000);
CREATE TABLE password_reset_tokens (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
INSERT INTO password_reset_tokens VALUES(1,6,'4edc2bb2dc2be6b786195a04ae28db2d8c07ec82a6d2098870ad29966a4a912b',1767859210000000,NULL);
INSERT INTO password_reset_tokens VALUES(2,4,'61024d47c23115f5d87c9e722eadf5a2265a176a997ef26f04da80ecd044ad81',1767603611000000,NULL);
INSERT INTO password_reset_tokens VALUES(3,3,'339cef89d517f8b2df935a2249f01df846432a18d35524ec841f2487fc7fc595',1767603682000000,NULL);
CREATE TABLE sequences (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sequences VALUES('company',7);
INSERT INTO sequences VALUES('ticket',10);
CREATE TABLE tickets (
    id                 INTEGER PRIMARY KEY,
    ticket_number      TEXT    NOT NULL UNIQUE,
    employee           INTEGER NOT NULL REFERENCES accounts (id),
    subject            TEXT    NOT NULL,
    category           TEXT    NOT NULL,
    sub_category       TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    scheduled_date     INTEGER,
    priority           INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    department         TEXT    NOT NULL,
    status             INTEGER NOT NULL CHECK (status BETWEEN 0 AND 8),
    assigned_to        INTEGER,
    submit_date        INTEGER NOT NULL,
    update_date        INTEGER NOT NULL,
    response_seconds   INTEGER,
    resolution_seconds INTEGER,
    time_closed        INTEGER,
    rejection_reason   TEXT,
    finalized          INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL
);
INSERT INTO tickets VALUES(1,'TX0001',3,'Printer on floor 3 jams','IT Category','Network & Security Administration','See the attached report.',20494,0,'IT Department',0,NULL,1767600012000000,1767600013000000,NULL,NULL,NULL,NULL,0,2);
INSERT INTO tickets VALUES(2,'TX0002',3,'VPN drops every hour','IT Category','Network & Security Administration','Description of "VPN drops every hour" — with ünïcode and ''quotes''.',NULL,2,'IT Department',1,NULL,1767600014000000,1767600015000000,1,NULL,NULL,NULL,0,2);
INSERT INTO tickets VALUES(3,'TX0003',4,'Laptop battery swollen','IT Category','Network & Security Administration','Description of "Laptop battery swollen" — with ünïcode and ''quotes''.',NULL,3,'IT Department',2,2,1767600016000000,1767600021000000,1,NULL,NULL,NULL,1,6);
INSERT INTO tickets VALUES(4,'TX0004',3,'Payroll export fails','IT Category','Network & Security Administration','Description of "Payroll export fails" — with ünïcode and ''quotes''.',NULL,1,'Asset Department',3,2,1767600022000000,1767600025000000,1,NULL,NULL,NULL,0,4);
INSERT INTO tickets VALUES(5,'TX0005',4,'Access to shared drive','IT Category','Network & Security Administration','Description of "Access to shared drive" — with ünïcode and ''quotes''.',NULL,0,'IT Department',4,1,1767600026000000,1767600029000000,1,NULL,NULL,NULL,0,4);
INSERT INTO tickets VALUES(6,'TX0006',3,'Monitor flickers','IT Category','Network & Security Administration','Description of "Monitor flickers" — with ünïcode and ''quotes''.',NULL,1,'IT Department',5,1,1767600030000000,1767600033000000,1,3,NULL,NULL,0,4);
INSERT INTO tickets VALUES(7,'TX0007',4,'Keyboard missing keys','IT Category','Network & Security Administration','Description of "Keyboard missing keys" — with ünïcode and ''quotes''.',NULL,0,'IT Department',6,1,1767600034000000,1767600038000000,1,3,1767600038000000,NULL,0,5);
INSERT INTO tickets VALUES(8,'TX0008',3,'Please buy me a yacht','IT Category','Network & Security Administration','Description of "Please buy me a yacht" — with ünïcode and ''quotes''.',NULL,0,'IT Department',7,NULL,1767600039000000,1767600040000000,1,NULL,NULL,'Out of scope',0,2);
INSERT INTO tickets VALUES(9,'TX0009',4,'Mouse double clicks','IT Category','Network & Security Administration','Description of "Mouse double clicks" — with ünïcode and ''quotes''.',NULL,0,'IT Department',8,NULL,1767600041000000,1767600042000000,NULL,NULL,NULL,NULL,0,2);
INSERT INTO tickets VALUES(10,'TX0010',3,'Wi-Fi slow in room 12','IT Category','Network & Security Administration','Description of "Wi-Fi slow in room 12" — with ünïcode and ''quotes''.',NULL,2,'IT Department',2,1,1767600043000000,1767600048000000,1,NULL,NULL,NULL,0,6);
CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author      INTEGER,
    text        TEXT    NOT NULL,
    is_internal INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
INSERT INTO comments VALUES(1,1,3,'Any news on this?',0,1767600013000000);
INSERT INTO comments VALUES(2,2,1,'Known issue.',1,1767600015000000);
INSERT INTO comments VALUES(3,3,2,'Ordered a new battery.',0,1767600019000000);
INSERT INTO comments VALUES(4,3,2,'Vendor ticket #8841, internal only.',1,1767600020000000);
INSERT INTO comments VALUES(5,4,2,'Status changed from In Progress to On Hold.',0,1767600025000000);
INSERT INTO comments VALUES(6,4,2,'Waiting for the vendor.',0,1767600025000000);
INSERT INTO comments VALUES(7,5,1,'Status changed from In Progress to Pending.',0,1767600029000000);
INSERT INTO comments VALUES(8,5,1,'Which folder exactly?',0,1767600029000000);
INSERT INTO comments VALUES(9,6,1,'Status changed from In Progress to Resolved.',0,1767600033000000);
INSERT INTO comments VALUES(10,6,1,'Replaced the cable.',0,1767600033000000);
INSERT INTO comments VALUES(11,7,1,'Status changed from In Progress to Resolved.',0,1767600037000000);
INSERT INTO comments VALUES(12,7,1,'New keyboard delivered.',0,1767600037000000);
INSERT INTO comments VALUES(13,7,4,'Thanks!',0,1767600038000000);
INSERT INTO comments VALUES(14,8,1,'Rejected: Out of scope',1,1767600040000000);
INSERT INTO comments VALUES(15,9,4,'Fixed it myself',0,1767600042000000);
INSERT INTO comments VALUES(16,10,1,'Status changed from In Progress to Resolved.',0,1767600046000000);
INSERT INTO comments VALUES(17,10,1,'Moved the access point.',0,1767600046000000);
INSERT INTO comments VALUES(18,10,3,'Still slow in the afternoon.',0,1767600047000000);
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    blob_key     TEXT    NOT NULL,
    uploaded_by  INTEGER NOT NULL,
    upload_date  INTEGER NOT NULL
);
INSERT INTO attachments VALUES(1,1,'report.pdf','application/pdf',48,'att-c36b7ae052a381c8cf9e8575a49bc236',3,1767600012000000);
INSERT INTO attachments VALUES(2,10,'survey.csv','text/csv',21,'att-8d59293e7512008ab998e2cd6bd413b7',1,1767600048000000);
CREATE TABLE ticket_history (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    actor       INTEGER,
    at          INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    is_internal INTEGER NOT NULL
);
INSERT INTO ticket_history VALUES(1,1,3,1767600012000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(2,1,3,1767600012000000,'attachment_added',NULL,'report.pdf',0);
INSERT INTO ticket_history VALUES(3,1,3,1767600013000000,'comment_added',NULL,'1',0);
INSERT INTO ticket_history VALUES(4,2,3,1767600014000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(5,2,1,1767600015000000,'priority_changed','Low','High',0);
INSERT INTO ticket_history VALUES(6,2,1,1767600015000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(7,2,1,1767600015000000,'internal_comment_added',NULL,'2',1);
INSERT INTO ticket_history VALUES(8,3,4,1767600016000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(9,3,2,1767600017000000,'priority_changed','Low','Critical',0);
INSERT INTO ticket_history VALUES(10,3,2,1767600017000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(11,3,2,1767600018000000,'assigned',NULL,'2',0);
INSERT INTO ticket_history VALUES(12,3,2,1767600018000000,'status_changed','Open','In Progress',0);
INSERT INTO ticket_history VALUES(13,3,2,1767600019000000,'comment_added',NULL,'3',0);
INSERT INTO ticket_history VALUES(14,3,2,1767600020000000,'internal_comment_added',NULL,'4',1);
INSERT INTO ticket_history VALUES(15,3,2,1767600021000000,'finalized',NULL,NULL,0);
INSERT INTO ticket_history VALUES(16,4,3,1767600022000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(17,4,1,1767600023000000,'priority_changed','Low','Medium',0);
INSERT INTO ticket_history VALUES(18,4,1,1767600023000000,'department_changed','IT Department','Asset Department',0);
INSERT INTO ticket_history VALUES(19,4,1,1767600023000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(20,4,1,1767600024000000,'assigned',NULL,'2',0);
INSERT INTO ticket_history VALUES(21,4,1,1767600024000000,'status_changed','Open','In Progress',0);
INSERT INTO ticket_history VALUES(22,4,2,1767600025000000,'status_changed','In Progress','On Hold',0);
INSERT INTO ticket_history VALUES(23,4,2,1767600025000000,'comment_added',NULL,'6',0);
INSERT INTO ticket_history VALUES(24,5,4,1767600026000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(25,5,1,1767600027000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(26,5,1,1767600028000000,'assigned',NULL,'1',0);
INSERT INTO ticket_history VALUES(27,5,1,1767600028000000,'status_changed','Open','In Progress',0);
INSERT INTO ticket_history VALUES(28,5,1,1767600029000000,'status_changed','In Progress','Pending',0);
INSERT INTO ticket_history VALUES(29,5,1,1767600029000000,'comment_added',NULL,'8',0);
INSERT INTO ticket_history VALUES(30,6,3,1767600030000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(31,6,1,1767600031000000,'priority_changed','Low','Medium',0);
INSERT INTO ticket_history VALUES(32,6,1,1767600031000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(33,6,1,1767600032000000,'assigned',NULL,'1',0);
INSERT INTO ticket_history VALUES(34,6,1,1767600032000000,'status_changed','Open','In Progress',0);
INSERT INTO ticket_history VALUES(35,6,1,1767600033000000,'status_changed','In Progress','Resolved',0);
INSERT INTO ticket_history VALUES(36,6,1,1767600033000000,'comment_added',NULL,'10',0);
INSERT INTO ticket_history VALUES(37,7,4,1767600034000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(38,7,1,1767600035000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(39,7,1,1767600036000000,'assigned',NULL,'1',0);
INSERT INTO ticket_history VALUES(40,7,1,1767600036000000,'status_changed','Open','In Progress',0);
INSERT INTO ticket_history VALUES(41,7,1,1767600037000000,'status_changed','In Progress','Resolved',0);
INSERT INTO ticket_history VALUES(42,7,1,1767600037000000,'comment_added',NULL,'12',0);
INSERT INTO ticket_history VALUES(43,7,4,1767600038000000,'status_changed','Resolved','Closed',0);
INSERT INTO ticket_history VALUES(44,7,4,1767600038000000,'comment_added',NULL,'13',0);
INSERT INTO ticket_history VALUES(45,8,3,1767600039000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(46,8,1,1767600040000000,'status_changed','New','Rejected',0);
INSERT INTO ticket_history VALUES(47,9,4,1767600041000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(48,9,4,1767600042000000,'status_changed','New','Withdrawn',0);
INSERT INTO ticket_history VALUES(49,9,4,1767600042000000,'comment_added',NULL,'15',0);
INSERT INTO ticket_history VALUES(50,10,3,1767600043000000,'created',NULL,'New',0);
INSERT INTO ticket_history VALUES(51,10,1,1767600044000000,'priority_changed','Low','High',0);
INSERT INTO ticket_history VALUES(52,10,1,1767600044000000,'status_changed','New','Open',0);
INSERT INTO ticket_history VALUES(53,10,1,1767600045000000,'assigned',NULL,'1',0);
INSERT INTO ticket_history VALUES(54,10,1,1767600045000000,'status_changed','Open','In Progress',0);
INSERT INTO ticket_history VALUES(55,10,1,1767600046000000,'status_changed','In Progress','Resolved',0);
INSERT INTO ticket_history VALUES(56,10,1,1767600046000000,'comment_added',NULL,'17',0);
INSERT INTO ticket_history VALUES(57,10,3,1767600047000000,'status_changed','Resolved','In Progress',0);
INSERT INTO ticket_history VALUES(58,10,3,1767600047000000,'comment_added',NULL,'18',0);
INSERT INTO ticket_history VALUES(59,10,1,1767600048000000,'attachment_added',NULL,'survey.csv',0);
CREATE TABLE idempotency_keys (
    owner       INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (owner, key)
) WITHOUT ROWID;
INSERT INTO idempotency_keys VALUES(3,'idem-key-1','79523a4f773470fbecb9eab74b72001d04165eca92cfd7605f89079722dcebc9',1,1767600012000000);
CREATE TABLE outbox_events (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    account_id      INTEGER,
    ticket_id       INTEGER,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    state           INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2),
    attempts        INTEGER NOT NULL,
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL
, lease TEXT NOT NULL DEFAULT '', secret TEXT, delivered_to TEXT NOT NULL DEFAULT '');
INSERT INTO outbox_events VALUES(1,'account.registered',2,NULL,'{"account_id":2,"email":"cora.coordinator@example.com","first_name":"Cora","last_name":"Coordinator","company_id":"MA0002","role":"Employee"}',1767600001000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(2,'account.approved',2,NULL,'{"account_id":2,"email":"cora.coordinator@example.com","first_name":"Cora","last_name":"Coordinator","company_id":"MA0002","role":"Employee"}',1767600002000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(3,'account.registered',3,NULL,'{"account_id":3,"email":"erin.employee@example.com","first_name":"Erin","last_name":"Employee","company_id":"MA0003","role":"Employee"}',1767600003000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(4,'account.approved',3,NULL,'{"account_id":3,"email":"erin.employee@example.com","first_name":"Erin","last_name":"Employee","company_id":"MA0003","role":"Employee"}',1767600004000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(5,'account.registered',4,NULL,'{"account_id":4,"email":"sam.second@example.com","first_name":"Sam","last_name":"Second","company_id":"MA0004","role":"Employee"}',1767600005000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(6,'account.approved',4,NULL,'{"account_id":4,"email":"sam.second@example.com","first_name":"Sam","last_name":"Second","company_id":"MA0004","role":"Employee"}',1767600006000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(7,'account.registered',5,NULL,'{"account_id":5,"email":"pat.pending@example.com","first_name":"Pat","last_name":"Pending","company_id":"MA0005","role":"Employee"}',1767600007000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(8,'account.registered',6,NULL,'{"account_id":6,"email":"rex.rejected@example.com","first_name":"Rex","last_name":"Rejected","company_id":"MA0006","role":"Employee"}',1767600008000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(9,'account.rejected',NULL,NULL,'{"email":"rex.rejected@example.com","first_name":"Rex","last_name":"Rejected","reason":"Not an employee of the company"}',1767600009000000,2,1,'550 mailbox unavailable',1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(10,'account.created',6,NULL,'{"account_id":6,"email":"new.admin@example.com","first_name":"Nia","last_name":"Newadmin","role":"System Admin"}',1767600010000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(11,'password_reset.requested',4,NULL,'{"account_id":4,"email":"sam.second@example.com","first_name":"Sam"}',1767600011000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(12,'ticket.created',3,1,'{"ticket_id":1,"ticket_number":"TX0001","subject":"Printer on floor 3 jams","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3}',1767600012000000,1,1,NULL,1767600181000000,'',NULL,'');
INSERT INTO outbox_events VALUES(13,'comment.added',NULL,1,'{"ticket_id":1,"ticket_number":"TX0001","subject":"Printer on floor 3 jams","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3,"comment_id":"1"}',1767600013000000,0,1,'smtp timeout',1767600099262000,'',NULL,'');
INSERT INTO outbox_events VALUES(14,'ticket.created',3,2,'{"ticket_id":2,"ticket_number":"TX0002","subject":"VPN drops every hour","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3}',1767600014000000,0,1,'smtp timeout',1767600099628000,'',NULL,'');
INSERT INTO outbox_events VALUES(15,'ticket.approved',3,2,'{"ticket_id":2,"ticket_number":"TX0002","subject":"VPN drops every hour","owner":3,"status":"Open","priority":"High","department":"IT Department","assigned_to":null,"actor":1}',1767600015000000,0,1,'smtp timeout',1767600096168000,'',NULL,'');
INSERT INTO outbox_events VALUES(16,'ticket.created',4,3,'{"ticket_id":3,"ticket_number":"TX0003","subject":"Laptop battery swollen","owner":4,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":4}',1767600016000000,0,0,NULL,1767600016000000,'',NULL,'');
INSERT INTO outbox_events VALUES(17,'ticket.approved',4,3,'{"ticket_id":3,"ticket_number":"TX0003","subject":"Laptop battery swollen","owner":4,"status":"Open","priority":"Critical","department":"IT Department","assigned_to":null,"actor":2}',1767600017000000,0,0,NULL,1767600017000000,'',NULL,'');
INSERT INTO outbox_events VALUES(18,'ticket.status_changed',4,3,'{"ticket_id":3,"ticket_number":"TX0003","subject":"Laptop battery swollen","owner":4,"status":"In Progress","priority":"Critical","department":"IT Department","assigned_to":2,"actor":2,"old_status":"Open"}',1767600018000000,0,0,NULL,1767600018000000,'',NULL,'');
INSERT INTO outbox_events VALUES(19,'comment.added',4,3,'{"ticket_id":3,"ticket_number":"TX0003","subject":"Laptop battery swollen","owner":4,"status":"In Progress","priority":"Critical","department":"IT Department","assigned_to":2,"actor":2,"comment_id":"3"}',1767600019000000,0,0,NULL,1767600019000000,'',NULL,'');
INSERT INTO outbox_events VALUES(20,'ticket.finalized',4,3,'{"ticket_id":3,"ticket_number":"TX0003","subject":"Laptop battery swollen","owner":4,"status":"In Progress","priority":"Critical","department":"IT Department","assigned_to":2,"actor":2}',1767600021000000,0,0,NULL,1767600021000000,'',NULL,'');
INSERT INTO outbox_events VALUES(21,'ticket.created',3,4,'{"ticket_id":4,"ticket_number":"TX0004","subject":"Payroll export fails","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3}',1767600022000000,0,0,NULL,1767600022000000,'',NULL,'');
INSERT INTO outbox_events VALUES(22,'ticket.approved',3,4,'{"ticket_id":4,"ticket_number":"TX0004","subject":"Payroll export fails","owner":3,"status":"Open","priority":"Medium","department":"Asset Department","assigned_to":null,"actor":1}',1767600023000000,0,0,NULL,1767600023000000,'',NULL,'');
INSERT INTO outbox_events VALUES(23,'ticket.status_changed',3,4,'{"ticket_id":4,"ticket_number":"TX0004","subject":"Payroll export fails","owner":3,"status":"In Progress","priority":"Medium","department":"Asset Department","assigned_to":2,"actor":1,"old_status":"Open"}',1767600024000000,0,0,NULL,1767600024000000,'',NULL,'');
INSERT INTO outbox_events VALUES(24,'ticket.assigned',2,4,'{"ticket_id":4,"ticket_number":"TX0004","subject":"Payroll export fails","owner":3,"status":"In Progress","priority":"Medium","department":"Asset Department","assigned_to":2,"actor":1}',1767600024000000,0,0,NULL,1767600024000000,'',NULL,'');
INSERT INTO outbox_events VALUES(25,'ticket.status_changed',3,4,'{"ticket_id":4,"ticket_number":"TX0004","subject":"Payroll export fails","owner":3,"status":"On Hold","priority":"Medium","department":"Asset Department","assigned_to":2,"actor":2,"old_status":"In Progress"}',1767600025000000,0,0,NULL,1767600025000000,'',NULL,'');
INSERT INTO outbox_events VALUES(26,'ticket.created',4,5,'{"ticket_id":5,"ticket_number":"TX0005","subject":"Access to shared drive","owner":4,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":4}',1767600026000000,0,0,NULL,1767600026000000,'',NULL,'');
INSERT INTO outbox_events VALUES(27,'ticket.approved',4,5,'{"ticket_id":5,"ticket_number":"TX0005","subject":"Access to shared drive","owner":4,"status":"Open","priority":"Low","department":"IT Department","assigned_to":null,"actor":1}',1767600027000000,0,0,NULL,1767600027000000,'',NULL,'');
INSERT INTO outbox_events VALUES(28,'ticket.status_changed',4,5,'{"ticket_id":5,"ticket_number":"TX0005","subject":"Access to shared drive","owner":4,"status":"In Progress","priority":"Low","department":"IT Department","assigned_to":1,"actor":1,"old_status":"Open"}',1767600028000000,0,0,NULL,1767600028000000,'',NULL,'');
INSERT INTO outbox_events VALUES(29,'ticket.status_changed',4,5,'{"ticket_id":5,"ticket_number":"TX0005","subject":"Access to shared drive","owner":4,"status":"Pending","priority":"Low","department":"IT Department","assigned_to":1,"actor":1,"old_status":"In Progress"}',1767600029000000,0,0,NULL,1767600029000000,'',NULL,'');
INSERT INTO outbox_events VALUES(30,'ticket.created',3,6,'{"ticket_id":6,"ticket_number":"TX0006","subject":"Monitor flickers","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3}',1767600030000000,0,0,NULL,1767600030000000,'',NULL,'');
INSERT INTO outbox_events VALUES(31,'ticket.approved',3,6,'{"ticket_id":6,"ticket_number":"TX0006","subject":"Monitor flickers","owner":3,"status":"Open","priority":"Medium","department":"IT Department","assigned_to":null,"actor":1}',1767600031000000,0,0,NULL,1767600031000000,'',NULL,'');
INSERT INTO outbox_events VALUES(32,'ticket.status_changed',3,6,'{"ticket_id":6,"ticket_number":"TX0006","subject":"Monitor flickers","owner":3,"status":"In Progress","priority":"Medium","department":"IT Department","assigned_to":1,"actor":1,"old_status":"Open"}',1767600032000000,0,0,NULL,1767600032000000,'',NULL,'');
INSERT INTO outbox_events VALUES(33,'ticket.resolved',3,6,'{"ticket_id":6,"ticket_number":"TX0006","subject":"Monitor flickers","owner":3,"status":"Resolved","priority":"Medium","department":"IT Department","assigned_to":1,"actor":1,"old_status":"In Progress"}',1767600033000000,0,0,NULL,1767600033000000,'',NULL,'');
INSERT INTO outbox_events VALUES(34,'ticket.created',4,7,'{"ticket_id":7,"ticket_number":"TX0007","subject":"Keyboard missing keys","owner":4,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":4}',1767600034000000,0,0,NULL,1767600034000000,'',NULL,'');
INSERT INTO outbox_events VALUES(35,'ticket.approved',4,7,'{"ticket_id":7,"ticket_number":"TX0007","subject":"Keyboard missing keys","owner":4,"status":"Open","priority":"Low","department":"IT Department","assigned_to":null,"actor":1}',1767600035000000,0,0,NULL,1767600035000000,'',NULL,'');
INSERT INTO outbox_events VALUES(36,'ticket.status_changed',4,7,'{"ticket_id":7,"ticket_number":"TX0007","subject":"Keyboard missing keys","owner":4,"status":"In Progress","priority":"Low","department":"IT Department","assigned_to":1,"actor":1,"old_status":"Open"}',1767600036000000,0,0,NULL,1767600036000000,'',NULL,'');
INSERT INTO outbox_events VALUES(37,'ticket.resolved',4,7,'{"ticket_id":7,"ticket_number":"TX0007","subject":"Keyboard missing keys","owner":4,"status":"Resolved","priority":"Low","department":"IT Department","assigned_to":1,"actor":1,"old_status":"In Progress"}',1767600037000000,0,0,NULL,1767600037000000,'',NULL,'');
INSERT INTO outbox_events VALUES(38,'ticket.closed',4,7,'{"ticket_id":7,"ticket_number":"TX0007","subject":"Keyboard missing keys","owner":4,"status":"Closed","priority":"Low","department":"IT Department","assigned_to":1,"actor":4}',1767600038000000,0,0,NULL,1767600038000000,'',NULL,'');
INSERT INTO outbox_events VALUES(39,'ticket.created',3,8,'{"ticket_id":8,"ticket_number":"TX0008","subject":"Please buy me a yacht","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3}',1767600039000000,0,0,NULL,1767600039000000,'',NULL,'');
INSERT INTO outbox_events VALUES(40,'ticket.rejected',3,8,'{"ticket_id":8,"ticket_number":"TX0008","subject":"Please buy me a yacht","owner":3,"status":"Rejected","priority":"Low","department":"IT Department","assigned_to":null,"actor":1,"reason":"Out of scope"}',1767600040000000,0,0,NULL,1767600040000000,'',NULL,'');
INSERT INTO outbox_events VALUES(41,'ticket.created',4,9,'{"ticket_id":9,"ticket_number":"TX0009","subject":"Mouse double clicks","owner":4,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":4}',1767600041000000,0,0,NULL,1767600041000000,'',NULL,'');
INSERT INTO outbox_events VALUES(42,'ticket.status_changed',4,9,'{"ticket_id":9,"ticket_number":"TX0009","subject":"Mouse double clicks","owner":4,"status":"Withdrawn","priority":"Low","department":"IT Department","assigned_to":null,"actor":4,"old_status":"New"}',1767600042000000,0,0,NULL,1767600042000000,'',NULL,'');
INSERT INTO outbox_events VALUES(43,'ticket.created',3,10,'{"ticket_id":10,"ticket_number":"TX0010","subject":"Wi-Fi slow in room 12","owner":3,"status":"New","priority":"Low","department":"IT Department","assigned_to":null,"actor":3}',1767600043000000,0,0,NULL,1767600043000000,'',NULL,'');
INSERT INTO outbox_events VALUES(44,'ticket.approved',3,10,'{"ticket_id":10,"ticket_number":"TX0010","subject":"Wi-Fi slow in room 12","owner":3,"status":"Open","priority":"High","department":"IT Department","assigned_to":null,"actor":1}',1767600044000000,0,0,NULL,1767600044000000,'',NULL,'');
INSERT INTO outbox_events VALUES(45,'ticket.status_changed',3,10,'{"ticket_id":10,"ticket_number":"TX0010","subject":"Wi-Fi slow in room 12","owner":3,"status":"In Progress","priority":"High","department":"IT Department","assigned_to":1,"actor":1,"old_status":"Open"}',1767600045000000,0,0,NULL,1767600045000000,'',NULL,'');
INSERT INTO outbox_events VALUES(46,'ticket.resolved',3,10,'{"ticket_id":10,"ticket_number":"TX0010","subject":"Wi-Fi slow in room 12","owner":3,"status":"Resolved","priority":"High","department":"IT Department","assigned_to":1,"actor":1,"old_status":"In Progress"}',1767600046000000,0,0,NULL,1767600046000000,'',NULL,'');
INSERT INTO outbox_events VALUES(47,'ticket.status_changed',3,10,'{"ticket_id":10,"ticket_number":"TX0010","subject":"Wi-Fi slow in room 12","owner":3,"status":"In Progress","priority":"High","department":"IT Department","assigned_to":1,"actor":3,"old_status":"Resolved"}',1767600047000000,0,0,NULL,1767600047000000,'',NULL,'');
INSERT INTO outbox_events VALUES(48,'password_reset.requested',3,NULL,'{"account_id":3,"email":"erin.employee@example.com","first_name":"Erin"}',1767600082000000,0,0,NULL,1767600082000000,'','b260fe8cd416d9cd9fcb72daaf29c493afbe0a75ba3af3b2c81acbdbf137ee90','');
CREATE TABLE outbox_counts (
    state INTEGER PRIMARY KEY,
    n     INTEGER NOT NULL
);
INSERT INTO outbox_counts VALUES(0,36);
INSERT INTO outbox_counts VALUES(1,11);
INSERT INTO outbox_counts VALUES(2,1);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','tickets_fts','tickets_fts',0,'CREATE VIRTUAL TABLE tickets_fts USING fts5 (
    ticket_number, subject, description,
    content = ''tickets'', content_rowid = ''id'',
    tokenize = ''unicode61 remove_diacritics 2'',
    columnsize = 0
)');
CREATE TABLE IF NOT EXISTS 'tickets_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO tickets_fts_data VALUES(1,X'0a0a265b');
INSERT INTO tickets_fts_data VALUES(10,X'00000000010a0a000a0101010201010301010401010501010601010701010801010901010a0101');
INSERT INTO tickets_fts_data VALUES(137438953473,X'0000007402303301060101050108617474616368656401060102040105666c6f6f72010601010401046a616d73010601010601026f6e010601010301077072696e746572010601010201067265706f7274010601020501037365650106010202010374686501060102030205783030303101020204080f0c0b090e0d0a0a');
INSERT INTO tickets_fts_data VALUES(274877906945,X'000000920430616e64020601020a010b6465736372697074696f6e02060102020204726f7073020c01010301020501056576657279020c0101040102060104686f7572020c01010501020701026f660206010203010671756f746573020601020b01067478303030320202020107756e69636f64650206010209010376706e020c0101020102040104776974680206010208040a120e0f0e090d0b0e0d');
INSERT INTO tickets_fts_data VALUES(412316860417,X'0000008c0430616e640306010209010762617474657279030c010103010205010b6465736372697074696f6e030601020201066c6170746f70030c01010201020401026f660306010203010671756f746573030601020a010773776f6c6c656e030c01010401020601067478303030330302020107756e69636f646503060102080104776974680306010207040a111210090d110b0e');
INSERT INTO tickets_fts_data VALUES(549755813889,X'0000008a0430616e640406010209010b6465736372697074696f6e040601020201066578706f7274040c01010301020501056661696c73040c01010401020601026f6604060102030107706179726f6c6c040c010102010204010671756f746573040601020a01067478303030340402020107756e69636f646504060102080104776974680406010207040a12100f09110d0b0e');
INSERT INTO tickets_fts_data VALUES(687194767361,X'000000920730616363657373050c01010201020402026e64050601020a010b6465736372697074696f6e0506010202020472697665050c01010501020701026f660506010203010671756f746573050601020b0106736861726564050c0101040102060102746f050c010103010205020578303030350502020107756e69636f646505060102090104776974680506010208041009120e090d100c0a0e');
INSERT INTO tickets_fts_data VALUES(824633720833,X'0000007d0430616e640606010208010b6465736372697074696f6e06060102020108666c69636b657273060c01010301020501076d6f6e69746f72060c01010201020401026f660606010203010671756f746573060601020901067478303030360602020107756e69636f646506060102070104776974680606010206040a121211090d0b0e');
INSERT INTO tickets_fts_data VALUES(962072674305,X'000000880430616e640706010209010b6465736372697074696f6e070601020201086b6579626f617264070c010102010204040173070c01010401020601076d697373696e67070c01010301020501026f660706010203010671756f746573070601020a01067478303030370702020107756e69636f646507060102080104776974680706010207040a12120b11090d0b0e');
INSERT INTO tickets_fts_data VALUES(1099511627777,X'0000009c023061080c01010501020702026e64080601020b0103627579080c010103010205010b6465736372697074696f6e080601020201026d65080c01010401020601026f6608060102030106706c65617365080c010102010204010671756f746573080601020c01067478303030380802020107756e69636f6465080601020a010477697468080601020901057961636874080c010106010208040b090d120c09100d0b0e0b');
INSERT INTO tickets_fts_data VALUES(1236950581249,X'000000880430616e6409060102090106636c69636b73090c010104010206010b6465736372697074696f6e090601020202056f75626c65090c01010301020501056d6f757365090c01010201020401026f660906010203010671756f746573090601020a01067478303030390902020107756e69636f646509060102080104776974680906010207040a10120f0f090d0b0e');
INSERT INTO tickets_fts_data VALUES(1374389534721,X'000000a4033031320a0c0101070102090103616e640a0601020c010b6465736372697074696f6e0a06010202010266690a0c0101030102050102696e0a0c01010501020701026f660a06010203010671756f7465730a0601020d0104726f6f6d0a0c0101060102080104736c6f770a0c01010401020601067478303031300a02020107756e69636f64650a0601020b010277690a0c010102010204030274680a0601020a040c0a120c0c090d0e0e0b0e0c');
CREATE TABLE IF NOT EXISTS 'tickets_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO tickets_fts_idx VALUES(1,X'',2);
INSERT INTO tickets_fts_idx VALUES(2,X'',2);
INSERT INTO tickets_fts_idx VALUES(3,X'',2);
INSERT INTO tickets_fts_idx VALUES(4,X'',2);
INSERT INTO tickets_fts_idx VALUES(5,X'',2);
INSERT INTO tickets_fts_idx VALUES(6,X'',2);
INSERT INTO tickets_fts_idx VALUES(7,X'',2);
INSERT INTO tickets_fts_idx VALUES(8,X'',2);
INSERT INTO tickets_fts_idx VALUES(9,X'',2);
INSERT INTO tickets_fts_idx VALUES(10,X'',2);
CREATE TABLE IF NOT EXISTS 'tickets_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO tickets_fts_config VALUES('version',4);
CREATE TABLE ticket_stats (
    employee       INTEGER NOT NULL,
    status         INTEGER NOT NULL,
    priority       INTEGER NOT NULL,
    department     TEXT    NOT NULL,
    n              INTEGER NOT NULL,
    sum_response   INTEGER NOT NULL,
    n_response     INTEGER NOT NULL,
    sum_resolution INTEGER NOT NULL,
    n_resolution   INTEGER NOT NULL,
    PRIMARY KEY (employee, status, priority, department)
) WITHOUT ROWID;
INSERT INTO ticket_stats VALUES(0,0,0,'IT Department',1,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,1,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,1,1,'Asset Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,1,1,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,1,2,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(0,1,3,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,2,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,2,1,'Asset Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,2,1,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,2,2,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(0,2,3,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(0,3,1,'Asset Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(0,4,0,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(0,5,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,5,1,'IT Department',1,1,1,3,1);
INSERT INTO ticket_stats VALUES(0,5,2,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(0,6,0,'IT Department',1,1,1,3,1);
INSERT INTO ticket_stats VALUES(0,7,0,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(0,8,0,'IT Department',1,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,0,0,'IT Department',1,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,1,1,'Asset Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,1,1,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,1,2,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(3,2,1,'Asset Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,2,1,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,2,2,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(3,3,1,'Asset Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(3,5,1,'IT Department',1,1,1,3,1);
INSERT INTO ticket_stats VALUES(3,5,2,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(3,7,0,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(4,0,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(4,1,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(4,1,3,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(4,2,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(4,2,3,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(4,4,0,'IT Department',1,1,1,0,0);
INSERT INTO ticket_stats VALUES(4,5,0,'IT Department',0,0,0,0,0);
INSERT INTO ticket_stats VALUES(4,6,0,'IT Department',1,1,1,3,1);
INSERT INTO ticket_stats VALUES(4,8,0,'IT Department',1,0,0,0,0);
CREATE TABLE refresh_tokens (
    token_hash   TEXT    PRIMARY KEY,
    session_hash TEXT    NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) WITHOUT ROWID;
INSERT INTO refresh_tokens VALUES('3c9a4513f1e034d407c1e3a507258966da9c8c707f07d0ab0333d59038625917','43c44a77df70dc49ad5cec8304f5518b7bc4d09ec0a41c171c366c4a1c025751',1,1767600052000000,1770192049000000,NULL);
INSERT INTO refresh_tokens VALUES('41ef1c55ed2bce7fbbda2a7b3245fede46e0e23ab503211258a905ea58fcc2eb','5206ea629966ebf06647888028693ea6eeb27babe2f0c72477eda42de9e86ca1',3,1767600051000000,1770192049000000,NULL);
INSERT INTO refresh_tokens VALUES('421c15f06e2b850c95452119576a6d4dcec7dfd9e86366885228c3043737490f','5206ea629966ebf06647888028693ea6eeb27babe2f0c72477eda42de9e86ca1',3,1767600050000000,1770192049000000,1767600051000000);
INSERT INTO refresh_tokens VALUES('75a429e4cf551cded3565e11424a357e4afcf5a6ec22ef3513c95bfa33cd999d','ab31ffb188b92284f552f92a28ccb7090bd0f49141f2825217df04c77a0b8b6a',4,1767600053000000,1770192049000000,1767600054000000);
CREATE TABLE rate_limit_buckets (
    bucket_key   TEXT    PRIMARY KEY,
    milli_tokens INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO rate_limit_buckets VALUES('check-password:3',2000,1767600060000000);
INSERT INTO rate_limit_buckets VALUES('login:erin.employee@example.com',4000,1767600059000000);
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    created_by   INTEGER,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_used_at INTEGER
);
INSERT INTO api_keys VALUES(1,'workflow system','hdk_1f39b8e5','5c5e6a1e0ee452bd6b810a5de003f5307ff7550a635248f43669b764ee638fb3',1,1767600055000000,NULL,1767600056000000);
INSERT INTO api_keys VALUES(2,'old integration','hdk_2681116c','6724d23f8cb88eb0f8a7fe8d66987821bdf4333159fbc47e1b3c84b7c639ee0e',NULL,1767600057000000,1767600058000000,NULL);
ANALYZE sqlite_schema;
INSERT INTO sqlite_stat1 VALUES('refresh_tokens','refresh_tokens_by_session','4 2 2');
INSERT INTO sqlite_stat1 VALUES('refresh_tokens','refresh_tokens','4 1');
INSERT INTO sqlite_stat1 VALUES('outbox_events','outbox_events_by_state','48 16 1');
INSERT INTO sqlite_stat1 VALUES('outbox_events','outbox_events_pending','36 1 1');
INSERT INTO sqlite_stat1 VALUES('ticket_history','ticket_history_by_ticket','59 6');
INSERT INTO sqlite_stat1 VALUES('password_reset_tokens','password_reset_tokens_by_account','3 1');
INSERT INTO sqlite_stat1 VALUES('password_reset_tokens','sqlite_autoindex_password_reset_tokens_1','3 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_assignee','6 3 1 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_employee','10 5 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_status_priority','10 2 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_status_update','10 2 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_status_submit','10 2 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_priority','10 3');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_update','10 1');
INSERT INTO sqlite_stat1 VALUES('tickets','tickets_by_submit','10 1');
INSERT INTO sqlite_stat1 VALUES('tickets','sqlite_autoindex_tickets_1','10 1');
INSERT INTO sqlite_stat1 VALUES('comments','comments_by_ticket','18 2');
INSERT INTO sqlite_stat1 VALUES('idempotency_keys','idempotency_keys_by_ticket','1 1');
INSERT INTO sqlite_stat1 VALUES('idempotency_keys','idempotency_keys','1 1 1');
INSERT INTO sqlite_stat1 VALUES('attachments','attachments_by_ticket','2 1');
CREATE INDEX accounts_by_status_role ON accounts (status, role);
CREATE INDEX rejected_accounts_by_time ON rejected_accounts (rejected_at);
CREATE INDEX password_reset_tokens_by_account ON password_reset_tokens (account_id);
CREATE INDEX tickets_by_submit ON tickets (submit_date);
CREATE INDEX tickets_by_update ON tickets (update_date);
CREATE INDEX tickets_by_priority ON tickets (priority);
CREATE INDEX tickets_by_status_submit ON tickets (status, submit_date);
CREATE INDEX tickets_by_status_update ON tickets (status, update_date);
CREATE INDEX tickets_by_status_priority ON tickets (status, priority);
CREATE INDEX tickets_by_employee ON tickets (employee, submit_date);
CREATE INDEX tickets_by_assignee ON tickets (assigned_to, status, submit_date) WHERE assigned_to IS NOT NULL;
CREATE INDEX comments_by_ticket ON comments (ticket_id);
CREATE INDEX attachments_by_ticket ON attachments (ticket_id);
CREATE INDEX ticket_history_by_ticket ON ticket_history (ticket_id);
CREATE INDEX idempotency_keys_by_ticket ON idempotency_keys (ticket_id);
CREATE INDEX outbox_events_pending ON outbox_events (id, next_attempt_at) WHERE state = 0;
CREATE TRIGGER outbox_counts_insert AFTER INSERT ON outbox_events BEGIN
    UPDATE outbox_counts SET n = n + 1 WHERE state = new.state;
END;
CREATE TRIGGER outbox_counts_update AFTER UPDATE OF state ON outbox_events
WHEN old.state <> new.state BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
    UPDATE outbox_counts SET n = n + 1 WHERE state = new.state;
END;
CREATE TRIGGER outbox_counts_delete AFTER DELETE ON outbox_events BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
END;
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, ticket_number, subject, description)
    VALUES (new.id, new.ticket_number, new.subject, new.description);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, ticket_number, subject, description)
    VALUES ('delete', old.id, old.ticket_number, old.subject, old.description);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF ticket_number, subject, description ON tickets
WHEN old.ticket_number IS NOT new.ticket_number OR old.subject IS NOT new.subject
     OR old.description IS NOT new.description BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, ticket_number, subject, description)
    VALUES ('delete', old.id, old.ticket_number, old.subject, old.description);
    INSERT INTO tickets_fts (rowid, ticket_number, subject, description)
    VALUES (new.id, new.ticket_number, new.subject, new.description);
END;
CREATE TRIGGER ticket_stats_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_stats (employee, status, priority, department, n,
                              sum_response, n_response, sum_resolution, n_resolution)
    VALUES (new.employee, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL),
           (0, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL)
    ON CONFLICT (employee, status, priority, department) DO UPDATE SET
        n = n + 1,
        sum_response = sum_response + excluded.sum_response,
        n_response = n_response + excluded.n_response,
        sum_resolution = sum_resolution + excluded.sum_resolution,
        n_resolution = n_resolution + excluded.n_resolution;
END;
CREATE TRIGGER ticket_stats_delete AFTER DELETE ON tickets BEGIN
    UPDATE ticket_stats SET
        n = n - 1,
        sum_response = sum_response - coalesce(old.response_seconds, 0),
        n_response = n_response - (old.response_seconds IS NOT NULL),
        sum_resolution = sum_resolution - coalesce(old.resolution_seconds, 0),
        n_resolution = n_resolution - (old.resolution_seconds IS NOT NULL)
    WHERE employee IN (old.employee, 0) AND status = old.status
      AND priority = old.priority AND department = old.department;
END;
CREATE TRIGGER ticket_stats_update
AFTER UPDATE OF employee, status, priority, department, response_seconds, resolution_seconds ON tickets
WHEN old.employee <> new.employee OR old.status <> new.status OR old.priority <> new.priority
     OR old.department <> new.department OR old.response_seconds IS NOT new.response_seconds
     OR old.resolution_seconds IS NOT new.resolution_seconds BEGIN
    UPDATE ticket_stats SET
        n = n - 1,
        sum_response = sum_response - coalesce(old.response_seconds, 0),
        n_response = n_response - (old.response_seconds IS NOT NULL),
        sum_resolution = sum_resolution - coalesce(old.resolution_seconds, 0),
        n_resolution = n_resolution - (old.resolution_seconds IS NOT NULL)
    WHERE employee IN (old.employee, 0) AND status = old.status
      AND priority = old.priority AND department = old.department;
    INSERT INTO ticket_stats (employee, status, priority, department, n,
                              sum_response, n_response, sum_resolution, n_resolution)
    VALUES (new.employee, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL),
           (0, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL)
    ON CONFLICT (employee, status, priority, department) DO UPDATE SET
        n = n + 1,
        sum_response = sum_response + excluded.sum_response,
        n_response = n_response + excluded.n_response,
        sum_resolution = sum_resolution + excluded.sum_resolution,
        n_resolution = n_resolution + excluded.n_resolution;
END;
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (account_id, session_hash);
CREATE INDEX rate_limit_buckets_by_update ON rate_limit_buckets (updated_at);
CREATE INDEX outbox_events_by_state ON outbox_events (state, id);
PRAGMA writable_schema=OFF;
COMMIT;
