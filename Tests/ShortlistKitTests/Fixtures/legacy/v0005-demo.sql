PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('0001_foundation');
INSERT INTO grdb_migrations VALUES('0002_search_log');
INSERT INTO grdb_migrations VALUES('0003_findings');
INSERT INTO grdb_migrations VALUES('0004_data_protection');
INSERT INTO grdb_migrations VALUES('0005_finding_corrections');
CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO setting VALUES('default_protocol','KCSIE standard online search');
INSERT INTO setting VALUES('demo','yes');
INSERT INTO setting VALUES('kcsie_edition','2027');
INSERT INTO setting VALUES('lawful_basis','Public task (UK GDPR Article 6(1)(e)): due diligence in safer recruitment under Keeping Children Safe in Education.');
INSERT INTO setting VALUES('retention_months','6');
CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL
);
INSERT INTO staff VALUES(1,'Alex Morgan','2026-12-03T10:50:53Z');
INSERT INTO staff VALUES(2,'Priya Shah','2026-12-03T10:50:53Z');
INSERT INTO staff VALUES(3,'Tom Ellis','2026-12-03T10:50:53Z');
INSERT INTO staff VALUES(4,'Grace Okafor','2026-12-03T10:50:53Z');
INSERT INTO staff VALUES(5,'Dana Lee','2026-12-03T10:50:58Z');
CREATE TABLE staff_role (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    role     TEXT NOT NULL CHECK (role IN ('admin', 'searcher', 'panel', 'recruiting-manager', 'governor')),
    PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;
INSERT INTO staff_role VALUES(1,'admin');
INSERT INTO staff_role VALUES(1,'searcher');
INSERT INTO staff_role VALUES(2,'panel');
INSERT INTO staff_role VALUES(2,'recruiting-manager');
INSERT INTO staff_role VALUES(3,'panel');
INSERT INTO staff_role VALUES(4,'governor');
INSERT INTO staff_role VALUES(5,'governor');
INSERT INTO staff_role VALUES(5,'panel');
CREATE TABLE vacancy (
    id                INTEGER PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE COLLATE NOCASE
                      CHECK (length(reference) BETWEEN 1 AND 40 AND reference NOT GLOB '*[^A-Za-z0-9._-]*'),
    post_title        TEXT NOT NULL CHECK (length(trim(post_title)) > 0),
    site              TEXT NOT NULL DEFAULT '',
    kcsie_edition     TEXT NOT NULL CHECK (kcsie_edition GLOB '[0-9][0-9][0-9][0-9]'),
    closing_date      TEXT CHECK (closing_date IS NULL OR date(closing_date) IS closing_date),
    shortlisting_date TEXT CHECK (shortlisting_date IS NULL OR date(shortlisting_date) IS shortlisting_date),
    interview_date    TEXT CHECK (interview_date IS NULL OR date(interview_date) IS interview_date),
    status            TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'shortlisted', 'interviewing', 'appointed', 'closed', 'withdrawn')),
    appointed_candidate_id INTEGER REFERENCES candidate(id),
    closed_on         TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL, protocol_id INTEGER REFERENCES protocol(id), look_back_years INTEGER NOT NULL DEFAULT 5 CHECK (look_back_years BETWEEN 1 AND 50), search_decision TEXT NOT NULL DEFAULT 'all'
    CHECK (search_decision IN ('all', 'some', 'none')), search_decision_reason TEXT NOT NULL DEFAULT '', hold_reason TEXT CHECK (hold_reason IS NULL OR length(trim(hold_reason)) > 0),
    CHECK ((status IN ('closed', 'withdrawn')) = (closed_on IS NOT NULL)),
    CHECK (appointed_candidate_id IS NULL OR status IN ('appointed', 'closed'))
);
INSERT INTO vacancy VALUES(1,'TA-2026-03','Teaching Assistant (Year 2)','Riverside Primary School (main site)','2026','2026-11-19','2026-11-26','2026-12-13','open',NULL,NULL,'2026-12-03T10:50:53Z','2026-12-03T10:51:04Z',1,5,'all','',NULL);
INSERT INTO vacancy VALUES(2,'MS-2026-02','Midday Supervisor','Riverside Primary School','2026',NULL,'2026-11-13','2026-11-30','interviewing',NULL,NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:58Z',1,5,'all','','A claim is pending.');
INSERT INTO vacancy VALUES(3,'CL-2026-01','Cleaner','Riverside Primary School','2026',NULL,'2026-03-03','2026-03-13','closed',7,'2026-05-03','2026-12-03T10:50:53Z','2026-05-03T16:00:00Z',1,5,'all','',NULL);
CREATE TABLE vacancy_panel (
    vacancy_id INTEGER NOT NULL REFERENCES vacancy(id),
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    PRIMARY KEY (vacancy_id, staff_id)
) WITHOUT ROWID;
INSERT INTO vacancy_panel VALUES(1,2);
INSERT INTO vacancy_panel VALUES(2,2);
INSERT INTO vacancy_panel VALUES(3,2);
INSERT INTO vacancy_panel VALUES(1,3);
INSERT INTO vacancy_panel VALUES(2,3);
CREATE TABLE candidate (
    id                 INTEGER PRIMARY KEY,
    vacancy_id         INTEGER NOT NULL REFERENCES vacancy(id),
    number             INTEGER NOT NULL CHECK (number > 0),
    full_name          TEXT NOT NULL,
    other_names        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_names) AND json_type(other_names) = 'array'),
    town               TEXT NOT NULL DEFAULT '',
    current_employer   TEXT NOT NULL DEFAULT '',
    previous_employers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(previous_employers) AND json_type(previous_employers) = 'array'),
    email              TEXT NOT NULL DEFAULT '',
    shortlisted_on     TEXT NOT NULL CHECK (date(shortlisted_on) IS shortlisted_on),
    notified_on        TEXT CHECK (notified_on IS NULL OR date(notified_on) IS notified_on),
    notified_via       TEXT CHECK (notified_via IS NULL OR notified_via IN
                           ('email', 'letter', 'application-pack', 'privacy-notice', 'phone', 'in-person')),
    outcome            TEXT NOT NULL DEFAULT 'pending'
                       CHECK (outcome IN ('pending', 'appointed', 'not-appointed', 'withdrew')),
    outcome_on         TEXT CHECK (outcome_on IS NULL OR date(outcome_on) IS outcome_on),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL, search_excluded INTEGER NOT NULL DEFAULT 0 CHECK (search_excluded IN (0, 1)), purged_on TEXT CHECK (purged_on IS NULL OR date(purged_on) IS purged_on), purge_summary TEXT CHECK (purge_summary IS NULL OR json_valid(purge_summary)),
    UNIQUE (vacancy_id, number),
    CHECK ((notified_on IS NULL) = (notified_via IS NULL)),
    CHECK ((outcome = 'pending') = (outcome_on IS NULL))
);
INSERT INTO candidate VALUES(1,1,1,'Zoë Ødegaard','["Zoë Hansen"]','Chester','Hoole Primary School','["Little Acorns Nursery"]','zoe.o@example.org','2026-11-26','2026-11-26','email','pending',NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:53Z',0,NULL,NULL);
INSERT INTO candidate VALUES(2,1,2,'Siobhán O''Brien','[]','Frodsham','Frodsham Leisure Centre','["Cheshire West Council","Elm Tree Café"]','siobhan.ob@example.org','2026-11-26','2026-11-26','email','pending',NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:53Z',0,NULL,NULL);
INSERT INTO candidate VALUES(3,1,3,'Łukasz Nowak','["Luke Nowak"]','Leeds','Riverside Tutoring','[]','lukasz.n@example.org','2026-11-26','2026-11-26','email','pending',NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:58Z',0,NULL,NULL);
INSERT INTO candidate VALUES(4,1,4,'Nguyễn Thị Minh','[]','Runcorn','Halton Library Service','["St Mary''s RC Primary"]','minh.nguyen@example.org','2026-11-26',NULL,NULL,'withdrew','2026-12-03','2026-12-03T10:50:53Z','2026-12-03T10:51:05Z',0,NULL,NULL);
INSERT INTO candidate VALUES(5,2,1,'Amara Okoye','[]','Chester','Chester Zoo','[]','','2026-11-13','2026-11-13','application-pack','pending',NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:53Z',0,NULL,NULL);
INSERT INTO candidate VALUES(6,2,2,'Dafydd Rhys-Jones','[]','Wrexham','Wrexham Council','[]','','2026-11-13','2026-11-13','application-pack','pending',NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:53Z',0,NULL,NULL);
INSERT INTO candidate VALUES(7,3,1,'Gwen Parry','[]','','','[]','','2026-03-03','2026-03-03','letter','appointed','2026-12-03','2026-12-03T10:50:53Z','2026-12-03T10:50:53Z',0,'2026-12-03','{"complete":true,"done":9,"exceptions":[],"late":0,"line":"Online search completed on 6 March 2026 by Alex Morgan; outcome: nothing relevant found","planned":9,"toldBeforeFirstSearch":"yes"}');
INSERT INTO candidate VALUES(8,3,2,'','[]','','','[]','','2026-03-03','2026-03-03','letter','not-appointed','2026-05-03','2026-12-03T10:50:53Z','2026-05-03T16:00:00Z',0,'2026-12-03','{"complete":true,"done":9,"exceptions":[],"late":0,"planned":9,"toldBeforeFirstSearch":"yes"}');
CREATE TABLE audit_event (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    os_account   TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_ref   TEXT NOT NULL,
    vacancy_id   INTEGER,
    candidate_id INTEGER,
    details_hash TEXT NOT NULL,
    -- SHA-256 of the changed record's fields after the change (NULL when no record changed):
    -- `audit verify` compares it with the record as it is now.
    state_hash   TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);
INSERT INTO audit_event VALUES(1,'2026-12-03T10:50:53Z','(setup)','root','staff.add','staff','Alex Morgan',NULL,NULL,'05e722903ed6dd35d9fdd34d301eecef014933238d3390990b45b4dc67433e5d','1cc60f1f3f2eeadf07fc2df4ecc78b9525254bd3524f18885b9bd02b7335144d','0000000000000000000000000000000000000000000000000000000000000000','f588b1231cb652a42442180a8cfe5fb45dd35b8bda4a0c1077a8fafdfacdf548');
INSERT INTO audit_event VALUES(2,'2026-12-03T10:50:53Z','Alex Morgan','root','setting.set','setting','demo',NULL,NULL,'8472199e45b3cc1c11631a7f02da0b9b63b7677ffab61c4ffc6a25ffebd8ffbe','465056fe8b070cd4e0e1c7a4ff2764d2c14f61d1fd9d7c6a8f2b2bfc4b77ed01','f588b1231cb652a42442180a8cfe5fb45dd35b8bda4a0c1077a8fafdfacdf548','4248c0f91b7266322bcb63f664992a4667a550155773496b677a80579b61a5c7');
INSERT INTO audit_event VALUES(3,'2026-12-03T10:50:53Z','Alex Morgan','root','staff.add','staff','Priya Shah',NULL,NULL,'cf5811179ee79d9481eb0f4e5aa45f32741ecf98d8ba78c3d8c99bb10503e48b','0c0811e53654c53e51f2fba85997e94d59fa7d4810550f0a8b15bddb02aa393e','4248c0f91b7266322bcb63f664992a4667a550155773496b677a80579b61a5c7','0861f8edc4cf55fb126ec1b1aea3ef2bb7627c1a35f7771e5277aed5aa44b4a8');
INSERT INTO audit_event VALUES(4,'2026-12-03T10:50:53Z','Alex Morgan','root','staff.add','staff','Tom Ellis',NULL,NULL,'bbd9e3eb6f02da9ff8cd0513b9e84204e8213acd3f6efa9ef79ce16160972e62','1c0821b613a9d1ce4f894ade83da22299315857f86b4322a2535702149bcb471','0861f8edc4cf55fb126ec1b1aea3ef2bb7627c1a35f7771e5277aed5aa44b4a8','8ca573b3a980464aa42f01656f0ff8a90b4c5c5f6554b02a60763802e8979d7f');
INSERT INTO audit_event VALUES(5,'2026-12-03T10:50:53Z','Alex Morgan','root','staff.add','staff','Grace Okafor',NULL,NULL,'a7748ec4c76c126f61a18cac33038b3215287b27f07cdfd6cebc98663a046056','8a19204a3333f92d6d544be3d3fbdff1126f3f40143d95b2a8444c86f133423c','8ca573b3a980464aa42f01656f0ff8a90b4c5c5f6554b02a60763802e8979d7f','0c4f4e8be51905210972502abedba6e5a4e4054083cf2f79d4404e59ee1ee5e1');
INSERT INTO audit_event VALUES(6,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.add','vacancy','TA-2026-03',1,NULL,'16e89c2c5037f7edde9ef5289ec4efd727dc3fdabfbee10f22fe0fee968a07c5','2a13da8049a6a6f97d88e43f5ee0a915f3a85e1952bb8044b20e70a30e7a050e','0c4f4e8be51905210972502abedba6e5a4e4054083cf2f79d4404e59ee1ee5e1','afe1dda99fbfc63f67964960dae414a6ab9023fc78f4e453a67bdd7c06b29bfd');
INSERT INTO audit_event VALUES(7,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','TA-2026-03/1',1,1,'44e8ef9bd7711d455aef2e4d558c374bad14508cc7fd296f82ecb909d157c648','8fd271d0832cbabf4f9900a5ae06a604ecb3bc8f9bbd765862d252b3b6997693','afe1dda99fbfc63f67964960dae414a6ab9023fc78f4e453a67bdd7c06b29bfd','0d95364a2fca3742c351249837c022ae1ec6fda29acff47ade0f9e0185524567');
INSERT INTO audit_event VALUES(8,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','TA-2026-03/2',1,2,'21c40dba47264c693da2ef9b3484538184d7cdb5f8377c8892dbb16091e3695a','3240ff9573a9759006c10e34e8e0eb7a4e6b806395e1e80b81342abbd394aa82','0d95364a2fca3742c351249837c022ae1ec6fda29acff47ade0f9e0185524567','53223074d3c26aed3aa2da58b1355d11094b03ee87d4fc2fa2e841b3e698eea7');
INSERT INTO audit_event VALUES(9,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','TA-2026-03/3',1,3,'648f58625ee149d20369fcf950d5b3224d66aac3232096d85a4b3950a8565383','7586f32f3db41b8ec07828722e4d4707758a8280f6cf93e46462ef38ce7646e9','53223074d3c26aed3aa2da58b1355d11094b03ee87d4fc2fa2e841b3e698eea7','d37cbe798b4c7adf61331b2cac2f071fa747bf1634c410d920858171440f23ff');
INSERT INTO audit_event VALUES(10,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','TA-2026-03/4',1,4,'3b52f74165565bb9777ad78716ab89f1c1a380abc9d9ebb75efa8f082d392151','bac3a3596aa876fad97bf36feb3699b2bbbe6f2e6c13dc73b6278e6e243c784e','d37cbe798b4c7adf61331b2cac2f071fa747bf1634c410d920858171440f23ff','b88c92da052bdedfb6ed15cc0cb629303464dd74704eb3edc6f1ccc4784ebd61');
INSERT INTO audit_event VALUES(11,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#1',1,1,'cbe79ccefdbec29d370ba58eea327f92009fe7a6d0b1cef9e5232cfd34c7dfa7','1d63ee542ec8b251b760debb4a170aece2f2d98232b88fd907d2d7ec22f5abd8','b88c92da052bdedfb6ed15cc0cb629303464dd74704eb3edc6f1ccc4784ebd61','ca4f69edc9005e6aae73d4c9bdbadaaa9a077d502c0aa82a817269ec21e4ddbf');
INSERT INTO audit_event VALUES(12,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#2',1,1,'d48d7f83710b300a1f994f02e17009da384855bf97c438f488a10000b07b8d26','6aef5e07f3fac0931abf661dcb84d67eb005812f69f69b5f20ab4faa741f229d','ca4f69edc9005e6aae73d4c9bdbadaaa9a077d502c0aa82a817269ec21e4ddbf','af040aa6f0fde569c1d719d3b279db49fb446cf0a09b0206e44af054a3d40cc4');
INSERT INTO audit_event VALUES(13,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#3',1,1,'7378f7071477f95ff6953aa4c233ff920ed009331a08d4917384311a02695152','067fc2b54b7660b818bba5469f2623848c6d5dfd8918fbd4bc770860b18f760f','af040aa6f0fde569c1d719d3b279db49fb446cf0a09b0206e44af054a3d40cc4','ad8ecad5a06fd3d2de6f1bfddc20aed4475935e2dddaf0af0f6ab6856fbcaf96');
INSERT INTO audit_event VALUES(14,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#4',1,1,'f855e543be0db7c54ee61abbfed363d82fcf0dc443ca344d07e9477b6736a91d','733ec1a9abed0d4d775bfa75671f450cad376a8f6bcf2826c771d3aa69c202f2','ad8ecad5a06fd3d2de6f1bfddc20aed4475935e2dddaf0af0f6ab6856fbcaf96','33b356afd6b57599f000e47378636401e2b1ff28a00801bbcb10c3ea959d2fb5');
INSERT INTO audit_event VALUES(15,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#5',1,1,'393aa641232c493aae913ff23ba2f5f0b20800e0d877152c7c023a59482248b3','fdfe18e4df14811caa2279fd1117214711ffa9a0ebf42b37a156aad7f463ffa7','33b356afd6b57599f000e47378636401e2b1ff28a00801bbcb10c3ea959d2fb5','37357c365e5bcfd9319057a369fc017fce9c2bfc8f7277adafd256b983f8ca0f');
INSERT INTO audit_event VALUES(16,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#6',1,1,'4dcb2f5e0d082147804189b57538f394043ed55f3c8de6e68727513dff20dfb0','78587f0347168778bcaa59b4722646e0a4c1dcf117e27a09acd1cffa7692bcc3','37357c365e5bcfd9319057a369fc017fce9c2bfc8f7277adafd256b983f8ca0f','e07d48933f9c9d1982140d3ca3ff35d98b424e63f58e1e1cf9c7d028070600e5');
INSERT INTO audit_event VALUES(17,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#7',1,1,'a5f3edf57ccc481a308ef906c4b5a943ae23040cf86b672a4bdd0e703982489b','db867bd8f43170b4343910cbd345db98306694f64a8c2ce8d948900f45dd6ee8','e07d48933f9c9d1982140d3ca3ff35d98b424e63f58e1e1cf9c7d028070600e5','4d776dfbc8c5f20754ddd903e2a310cc1f664ba5717df30c1a691c41180061cb');
INSERT INTO audit_event VALUES(18,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#8',1,1,'b889d790cde9769f0aa63f44261889b9b935610031a5095518953b4b9cd6c6df','95be6ec4958d3f5ceab38a374b135f093eef908cc5fa9a75754a4823be416957','4d776dfbc8c5f20754ddd903e2a310cc1f664ba5717df30c1a691c41180061cb','fec2738bc7e60fc0e020807af3bdf5d83267fe3e25ce8200a3f9558008b24b76');
INSERT INTO audit_event VALUES(19,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#9',1,1,'56ae803542b2639b0e0dbe5a77d2a74c012f43560d71bc08217f7fb2f8b871f2','2924f2e762988ba5d5c4bd764e3d5ef84e0ae68d714b95767d30e98b66cd5bba','fec2738bc7e60fc0e020807af3bdf5d83267fe3e25ce8200a3f9558008b24b76','a5022fd766492abe727e9079766af51ed3324d4deb8e7d02dd90b59396e31890');
INSERT INTO audit_event VALUES(20,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#10',1,1,'6db780b1268f9adfa4b4d2a3845a87f73310ea0129f2a6fdbfcdf3fbd252dbc4','fcc8b4eb04ccf29e94c3784c6382366d106b3d982139bd5c210c788079bea077','a5022fd766492abe727e9079766af51ed3324d4deb8e7d02dd90b59396e31890','a731f1be16bd8bc5e2ec12c8fee7f051b97ea6faea015e11c2956bc5efc9d3c1');
INSERT INTO audit_event VALUES(21,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#11',1,1,'ea66b153036efabcbc40ff345610e6daaaf7123bb2b2a4c74968047a9909231c','e372526118bf062235a6e7f48f95f3c26b75b7993704e268379270242f6657b3','a731f1be16bd8bc5e2ec12c8fee7f051b97ea6faea015e11c2956bc5efc9d3c1','abf182761ed496a244433f445af9d2187a07365e6a19be2c311ca56ed95d8b13');
INSERT INTO audit_event VALUES(22,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#12',1,1,'2555aa4545c80d7b0d54eb3c9809e91ad169e18c79df9b7a64d8a97271af6fe7','bbb41953ce653c4739e4592bb2e457b4803de499f51307d00826aa6cfcff65ad','abf182761ed496a244433f445af9d2187a07365e6a19be2c311ca56ed95d8b13','e959e3a56260bc58d0cf2245fc52db78c845e407c49889d324b0c6b6cda45ad7');
INSERT INTO audit_event VALUES(23,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/1#13',1,1,'31b0272e174348d3282c9be861151e2a63be3eb28723ba53cc264055bff4044e','89909b777fd7664b55ce9aed958d85bb20af720f32d437bba76ae02e156d30cc','e959e3a56260bc58d0cf2245fc52db78c845e407c49889d324b0c6b6cda45ad7','a8b3c67fe1d768ce49bff9300bf3f11ce44f0b34f209e1bac2e00b0a8730800a');
INSERT INTO audit_event VALUES(24,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#14',1,2,'9865d4f70accd75981439400b478df97334749fb41413d85c999942c5bf2501b','026409a72a3be87ef30d21207baf565401bf4695c085c8562b95cb9df2b50474','a8b3c67fe1d768ce49bff9300bf3f11ce44f0b34f209e1bac2e00b0a8730800a','2e0bd58ddf0e8ea7af9aa39a1f83aca17fafc89fd2ad835e8cf3ad05a861a199');
INSERT INTO audit_event VALUES(25,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#15',1,2,'3d7f232a702f5890dbb690dc7f70fe1426595f36ca70f7ca4b00b7f1f38a6fdc','87cdbb3e4ebfa4f2c9df1ce137c55c44422297fe0860df54ba4fe93432d05251','2e0bd58ddf0e8ea7af9aa39a1f83aca17fafc89fd2ad835e8cf3ad05a861a199','554e667737328fa58b24d7c54f7e3be55b0787558d1e97b067d230143f504c69');
INSERT INTO audit_event VALUES(26,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#16',1,2,'e34dc7f92cb09fc75d8fdd1625b4e7aac6cfe2ebe5c11ed4150b28a5d0ddc8ef','0285e79e263987b6ca4fc3524322f35c40d4b03acb860e1d4038745b1407414f','554e667737328fa58b24d7c54f7e3be55b0787558d1e97b067d230143f504c69','190c2adafa1a0750e92117bde82f8b85c880074808de91ce488183e78e3f3e4c');
INSERT INTO audit_event VALUES(27,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#17',1,2,'ad72d14460b15675396068580858166f84539eaa60aafd3f1e8ebd22581953fb','94e9a722c82283bff2d0edd504a8381fee87b9da6877ecbf228f0ab99f3f0ba1','190c2adafa1a0750e92117bde82f8b85c880074808de91ce488183e78e3f3e4c','6770cddcc8b55c878c71710fc304278b782c05015cdf01dc5c505af68bf8b175');
INSERT INTO audit_event VALUES(28,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#18',1,2,'98fbf25a810c3c80bfce8051ddee754120aa79a8eb77040bec355a41238c3bcf','9b5735a0722f6c596161dca951a8ecae6521b62d5ba16a826508d23d7897a637','6770cddcc8b55c878c71710fc304278b782c05015cdf01dc5c505af68bf8b175','6b3f7b3291ae508b7c8dc9150ac11778d745eaf86a86dde3942631ae781e5e65');
INSERT INTO audit_event VALUES(29,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#19',1,2,'11f50bf423febd26ffe4a61e4d2f7676bda02ed0683f9c701d4d91eb1dc89379','cbf054067953c4997130d4c0bfede13e1955f0061e09f7e4afdfd14db9faf601','6b3f7b3291ae508b7c8dc9150ac11778d745eaf86a86dde3942631ae781e5e65','dc4607a3329b7df47e2e150d6f524c16ef12eba5fa606fb93708b4b2c8bb55b3');
INSERT INTO audit_event VALUES(30,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#20',1,3,'a24a5928439668b07b1d29d45e59f22b280c3c50839e49e75638b7957b2f72d9','f50638fcc3979a0a7e2b6588ee410414fa734cd795ef3482cd10b5e540192e89','dc4607a3329b7df47e2e150d6f524c16ef12eba5fa606fb93708b4b2c8bb55b3','7a155ebb6207f6d6a4f087d05a15298806983faa17b960dd6209ecfb877de4b6');
INSERT INTO audit_event VALUES(31,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#21',1,3,'12c0448250ff75e2255e81ba8743f66db8f46206f2289f90e7da692932663045','ef339b0acf30868806efc709316a7e7d8d99d8d025ad02f17f08d1f74ee8e447','7a155ebb6207f6d6a4f087d05a15298806983faa17b960dd6209ecfb877de4b6','142b8d8800902e18738a242de2f8c730674d18177acd564f4c61856eb986e537');
INSERT INTO audit_event VALUES(32,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#22',1,3,'c7d2d8b6f4868e6cb842a9f74cecebf675600395bff2308592fa59ac209a90d4','9cc016f5080c6796981db0a3202eb9733867831c3a891661e8c6ead4101be7c7','142b8d8800902e18738a242de2f8c730674d18177acd564f4c61856eb986e537','a345ace667a6d45c8e231f99180e276c56f8325f9f0d49c7feec6d8c4a949138');
INSERT INTO audit_event VALUES(33,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#23',1,3,'23167078dfb6409654c17b9d31020afb7e9adb4458a88e5c0ae875c71579716f','7c16e0a5f025142ac52a8309d317beb1445bf8f4283985aa2cefc6d0f7f6dde5','a345ace667a6d45c8e231f99180e276c56f8325f9f0d49c7feec6d8c4a949138','e2c922ba46ad8a39b723bc0eb0fc3ee51075857fa99c207f70cef31aa590f37d');
INSERT INTO audit_event VALUES(34,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#24',1,3,'ff55092ef81ac2ca63c1043313021b45439b92c71f098b5833906f9a5acfb4c3','3f9d9fe50adf4155e394bfba846a28be79c2c3434740aeddc67a7da15b9f6974','e2c922ba46ad8a39b723bc0eb0fc3ee51075857fa99c207f70cef31aa590f37d','3c29aad3a5ed838d3cce68be1b4f37edba63fed6fe2c4e5600ea1d54c47597c2');
INSERT INTO audit_event VALUES(35,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#25',1,3,'44f76424b36291ab3590bf3afb67a864d611fee8dd1dff636f7b4a84d0fe1221','d3559e58533cc1ccb5420ce85f7a7195226bf346fd3de6402b6ff8c42705ae5b','3c29aad3a5ed838d3cce68be1b4f37edba63fed6fe2c4e5600ea1d54c47597c2','70030d226321b97d48f1b9a9f47237aa7c99014ed92fc74c459250a1d75102aa');
INSERT INTO audit_event VALUES(36,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#26',1,3,'6094ab5a753b96c362beaf5b834433cda91bbf19e34203d86a5d286b9feba32a','d590f06f9bb5ebb7cd5670f6f078f628833d720c0d1b4a32dd58ed1f22468c1b','70030d226321b97d48f1b9a9f47237aa7c99014ed92fc74c459250a1d75102aa','5d9f02cfa62ccad5ea2631fda5f93d47e9944e732f19b20378ba3b95909fbb09');
INSERT INTO audit_event VALUES(37,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#27',1,3,'447917173339d99a89f641c4c8f9435c9136b56def5745a073991aa2c53220d0','eddb19a0297436e8bcf1a756de3116eb9df50204cbe072ac4a49ac9e11cd4311','5d9f02cfa62ccad5ea2631fda5f93d47e9944e732f19b20378ba3b95909fbb09','58c9a3b1efd6637d94ede95a239b04cf0f212355dd47db343a9d431b0c6d59ec');
INSERT INTO audit_event VALUES(38,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#28',1,3,'6d16f0e3db7a8864c9dab1c7a9a89474075a99427b0d271c755e3138deec03f8','fcc2ec2a6d5ddc6af8eddff950b6bc5e6ce3a85c2b4c29e1e0ed3d994c8714ee','58c9a3b1efd6637d94ede95a239b04cf0f212355dd47db343a9d431b0c6d59ec','dd826121272d9c9493c03423f73cef77eca2621a450f7020e4d8c9579c5f133c');
INSERT INTO audit_event VALUES(39,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/3#29',1,3,'c9cdf47074fd360bde2132c132f5aa92894fceefd2372e1247d4127878cfa114','aae22211ef3394db8c90933311cff0929be8a50a912cce17a6567c2310fba265','dd826121272d9c9493c03423f73cef77eca2621a450f7020e4d8c9579c5f133c','02135ffcb3bea0307c58fb0b0dc19db938723a28c8c243eba2d8a6a639194e1e');
INSERT INTO audit_event VALUES(40,'2026-12-03T10:50:53Z','Alex Morgan','root','finding.add','finding','TA-2026-03/1/F1',1,1,'c7b4bc3b0cc416c249307c98dce3c0958cb2068a686ef612c1429fb8319dcbb7','53121cb1bbb0005ea1041aacebdf884bbb5da19d6e35233abbf65c0d370bd709','02135ffcb3bea0307c58fb0b0dc19db938723a28c8c243eba2d8a6a639194e1e','5030c6d39f6e19a2fc2c1d98969faf18acbb3b5916aad9e900e981423544c457');
INSERT INTO audit_event VALUES(41,'2026-12-03T10:50:53Z','Priya Shah','root','finding.decide','finding','TA-2026-03/1/F1',1,1,'0c2288d00ef9891e5fb1b0a05b7a4ae79bbdeebe412de543ac47cd165bd2b404','69c3532d345246a0dda3cee7804c898c3875f2fdc6eab05573dc2c749ffae567','5030c6d39f6e19a2fc2c1d98969faf18acbb3b5916aad9e900e981423544c457','e3bc1b8379fa64c08acb4122eddd3df83c620e4d47700bf4608ac44137208252');
INSERT INTO audit_event VALUES(42,'2026-12-03T10:50:53Z','Alex Morgan','root','finding.add','finding','TA-2026-03/1/F2',1,1,'0408aa2859fff1307cb43ca053429502414f10e2a09a2047692fec362d8413e1','858d89afaed58152edb24e8b0256cad1b3a6b25f152c8e792394ca0e3ee5822c','e3bc1b8379fa64c08acb4122eddd3df83c620e4d47700bf4608ac44137208252','4cf5af3b707a0a755bb24ee2dba52f9f25c9e292d94e82b8c242b13b2fcdcc07');
INSERT INTO audit_event VALUES(43,'2026-12-03T10:50:53Z','Priya Shah','root','finding.decide','finding','TA-2026-03/1/F2',1,1,'98b723b249f095d97858a7842cca54ab165c95f744ca1e75eeacfac6886acb94','d34717177e097cb20eec71d697538e0a713ee1cd5328fba18c848ea47b0f0eb2','4cf5af3b707a0a755bb24ee2dba52f9f25c9e292d94e82b8c242b13b2fcdcc07','3d132cc38cfbe2c1a5a39d8d54fec1901c742fd2a38b53602c8997da2881d72b');
INSERT INTO audit_event VALUES(44,'2026-12-03T10:50:53Z','Alex Morgan','root','finding.add','finding','TA-2026-03/1/F3',1,1,'e757744a12c09b221581e757fd47d1034fa4e8ff507c6f9c163ce1f844780a7a','f96f66c3c16f592b773621f7633688b6878ea09bedeb0a4b4746d0578b7b1c09','3d132cc38cfbe2c1a5a39d8d54fec1901c742fd2a38b53602c8997da2881d72b','27087c3efdbdd7368427a0d7a35e012d72add71d9a585bc3fb9154d1e33a058c');
INSERT INTO audit_event VALUES(45,'2026-12-03T10:50:53Z','Alex Morgan','root','finding.add','finding','TA-2026-03/3/F1',1,3,'e18e61f5eeded131ae0e42e4f5e39e9242fe794984e2e9e9c474aeb1d16290d5','0eed0fd4bf4f43ff013a1ec2257621a618ec0125dfa22b4c7d74aa9cd76eaa30','27087c3efdbdd7368427a0d7a35e012d72add71d9a585bc3fb9154d1e33a058c','08daa7c1ce6c8df151f165e194e0a202513e7a3fa369f0196418ec52b466e2eb');
INSERT INTO audit_event VALUES(46,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.add','vacancy','MS-2026-02',2,NULL,'204ca65b48262aef298816a2409ecbbf795d4f2695ab6c56a2e88b77d7762784','eeeaa03dfcb46d970c846d1ea8eaf0e9c3b1e9dd97bf5bca10abb8135ae4d175','08daa7c1ce6c8df151f165e194e0a202513e7a3fa369f0196418ec52b466e2eb','77d0c6e2c2c6ccdd0d65276487d1f26383b05cb7e0a3730d47b0d8064b05a0eb');
INSERT INTO audit_event VALUES(47,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.update','vacancy','MS-2026-02',2,NULL,'750b6686a7c9d6fbb20ee3c647a3d7ec5128b9ad1694e692f04a70125bc55940','4fda3b32e13c90f12215a17121fe16b6e94352f4028b37d8f5eeccd5bad5cba9','77d0c6e2c2c6ccdd0d65276487d1f26383b05cb7e0a3730d47b0d8064b05a0eb','512b4c0d435a5e23634ad356da93de3f8c43a5e075e5f43e8d4df0c677ab1ab9');
INSERT INTO audit_event VALUES(48,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.update','vacancy','MS-2026-02',2,NULL,'3f338c84ab025cdc89a7c918d18b2a36c6eee68b84b20eab1af1f49b60cd5947','9d837b20122e323c2ebf0b0ef56707a643ece9ef0f29731344f37e12e4c71169','512b4c0d435a5e23634ad356da93de3f8c43a5e075e5f43e8d4df0c677ab1ab9','906fcabece751a909ab9a4b3cf872d7692001ffb33b674986a78f444ce2127f7');
INSERT INTO audit_event VALUES(49,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','MS-2026-02/1',2,5,'cd173f4f437c6334c1513970c19181f901a788c609e696c61ff76dd4be64f3b8','41b37ffa8e378e111e96ce87c85593c1c6385b8c9d26f978e14a6b19994276b8','906fcabece751a909ab9a4b3cf872d7692001ffb33b674986a78f444ce2127f7','9f86fe4bc33c484d38cb1d5c1a259fc8969fce35f2ba034f6bb2327d0276ed3a');
INSERT INTO audit_event VALUES(50,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#30',2,5,'330905a865cea7460b458bb1e6f35c945c60e7ba5b88e733768a4d66de0c5fa1','3e2cabee9abd4bfe1eaa93626c3792cd270c6a523d1b73390907a4606e1f8611','9f86fe4bc33c484d38cb1d5c1a259fc8969fce35f2ba034f6bb2327d0276ed3a','0e17db2ffbae0fb92a66bf5408af25f6f3c88497a276b3248b858ee28bffa6cc');
INSERT INTO audit_event VALUES(51,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#31',2,5,'e8f3b735a8311dc1eb08aaff2dba071f114b3122c067b29367dbef5e7ff86213','ea1d66348c6cc4369aebcb3bea3d993fb65f56d6c334143034bfdd1012cf7586','0e17db2ffbae0fb92a66bf5408af25f6f3c88497a276b3248b858ee28bffa6cc','7c9ef3b2a65184c5184863540e0fe2ae13f116a7848f33b05208817ea2914a4a');
INSERT INTO audit_event VALUES(52,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#32',2,5,'b742b92b41b78681083f1015073e1f97e58bdb000c62a6799c50481ceca76ae3','3521cd3d949b2f73ad13141493ba66526842a330784100790f89f459d2823d53','7c9ef3b2a65184c5184863540e0fe2ae13f116a7848f33b05208817ea2914a4a','9dd524976dc8eb616c2be5d1dfeed9d7ee7ce7bf811eb6aee586a00b62794fec');
INSERT INTO audit_event VALUES(53,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#33',2,5,'74b2a6f9ecf9110c0025f65a2911d63f65044e592d066b8c2246dc8cf51cd2f7','680b94b69778eb0428ee28f57729272c1d12c1d45741524a4044e0b2e0044f76','9dd524976dc8eb616c2be5d1dfeed9d7ee7ce7bf811eb6aee586a00b62794fec','fa8a1243e34459322e2817b089ff9e9140cbf4100b4b42c1f3964ac98356e77d');
INSERT INTO audit_event VALUES(54,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#34',2,5,'d289671f86c3070813a87795742011c8cc5c28d69fa2c086a3ccfb78d3814429','7acbcae057137b2a0700a864717d0aa53d2faa8342f02b86e0722d1affb37cd5','fa8a1243e34459322e2817b089ff9e9140cbf4100b4b42c1f3964ac98356e77d','97307b6d1bd97c5b5db993d785b15c79eae0af31163e4a3677c74ec2dd49fad4');
INSERT INTO audit_event VALUES(55,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#35',2,5,'ba8c35d7da96645bcb47bc2a6c63ecfc2a0c073544958a548b37463ba5e45913','a655c929cbeff2e245efd1579664733f5374fc077864d6d11598073a86b8a555','97307b6d1bd97c5b5db993d785b15c79eae0af31163e4a3677c74ec2dd49fad4','3eb2b5e41341d72545f32111b519f1fca900b3219af0ee00fb8a951d1f7debb8');
INSERT INTO audit_event VALUES(56,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#36',2,5,'59ab00086ffb73a1552593549148352935288f1e382dfcb7c4ac9bf47d07099f','4f1d2442fe1f2c96ea39ed7320c8ad76813a26890a0e37816ba998f19b367f23','3eb2b5e41341d72545f32111b519f1fca900b3219af0ee00fb8a951d1f7debb8','9477ae02a6c15c6e2e4a72634137a591d504244ef59fd2208660d7dba8dbfd55');
INSERT INTO audit_event VALUES(57,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#37',2,5,'fc392e1b658179f541918d35660ae0f0348192a91ad6b111ee605793b13d9626','e2ddb689c7055d406284bc742115eb79e85c6e95e3f16188cc15d5959cad7e6b','9477ae02a6c15c6e2e4a72634137a591d504244ef59fd2208660d7dba8dbfd55','79fee4b649855f02052a9e9f512a3dd7a11892bd0a0958072020e036d5a415c7');
INSERT INTO audit_event VALUES(58,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#38',2,5,'0b81d6aad3dbbb320f240dfcfdf768e7aec2220d8a959838becb9b787a7f08a7','2d40313f9fee28acd197cfed33e337e3d7bf04cfa1d1487f1f79d020b67c20b4','79fee4b649855f02052a9e9f512a3dd7a11892bd0a0958072020e036d5a415c7','5bd7686d6fbd25ea6b8cfc1554e22701b45f7a69c1bb35224f1011fa6a6981ab');
INSERT INTO audit_event VALUES(59,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/1#39',2,5,'a803eedcfa4b4f14fad96e4469683fab3a9c08d0325363513a389676abe44394','be9621df1b4449068974eebff210859f7bb8a91eb82d6553c03bc9514de91245','5bd7686d6fbd25ea6b8cfc1554e22701b45f7a69c1bb35224f1011fa6a6981ab','55b5cedcce82fd2dd08e305e1f1eec2788fa8573f3ec636889bb4e24987e9271');
INSERT INTO audit_event VALUES(60,'2026-12-03T10:50:53Z','Alex Morgan','root','finding.add','finding','MS-2026-02/1/F1',2,5,'2fd35ce8ab988f09bb4471814f3d205d452385474a601eefed3038e0795e390b','aa526c76666507f4b1e0fc00c41a5ef5c4cda5acc30f38e8a7cbb616ebe842aa','55b5cedcce82fd2dd08e305e1f1eec2788fa8573f3ec636889bb4e24987e9271','575c1ec430c19128a2e3023e203c4b065da2c149e30f94fa3f2997e6bf631a9e');
INSERT INTO audit_event VALUES(61,'2026-12-03T10:50:53Z','Priya Shah','root','finding.decide','finding','MS-2026-02/1/F1',2,5,'e1a19793a188bf629456bee6c2d45fbb2e996cb5372bc6febca0f4fa904e5b0f','2bc4b85a8e164d230e0fbed8fd78fa965a5004ccab39dc56321a465e51f099e3','575c1ec430c19128a2e3023e203c4b065da2c149e30f94fa3f2997e6bf631a9e','053ece95d5b48c43eb65f78e463a2172ed58ec97ba66128425beb06fb55cc102');
INSERT INTO audit_event VALUES(62,'2026-12-03T10:50:53Z','Tom Ellis','root','finding.respond','finding','MS-2026-02/1/F1',2,5,'6d5c6e63c4d114aaaa64a124d965e9c877fde5c7a03d1a1b3654a864c3e9ebdd','5a08c988916c511e236cc8863be319ee8325683b68f932046b3df08d427a1cbe','053ece95d5b48c43eb65f78e463a2172ed58ec97ba66128425beb06fb55cc102','49ef8edc2cc5539e24dac0f688ae333205851712da144d810c1a7aa33f84dcdf');
INSERT INTO audit_event VALUES(63,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','MS-2026-02/2',2,6,'4b9e997810836fe401286d96182d2977d5579918942cd967744d5ff9fc483c7f','c8abc1f8e00ecce9e6fd950f2f213825aa8f1c802000b3114d272afec1a60a94','49ef8edc2cc5539e24dac0f688ae333205851712da144d810c1a7aa33f84dcdf','314e313255919282efcd5f58afa030e32ffce61cc2c82fffdf21edb8b5e5fb40');
INSERT INTO audit_event VALUES(64,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#40',2,6,'c4314b883dd9cb91b9c36a1d18ec24b417604aa1e253c4bb7bb84614e2b09b55','6ce2a8c8978715a0332ced8e4d03f30a4c44a13af37da1bd3803749a01235987','314e313255919282efcd5f58afa030e32ffce61cc2c82fffdf21edb8b5e5fb40','76d24123d6b27d6dd3d9b168e67084225832425aeebd165aefed95361a23983b');
INSERT INTO audit_event VALUES(65,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#41',2,6,'952d85a13efc51e937f0457b2643e187f595d79c58bd8c48c2941b327943624d','4ecb7dbdb7722138e64b4f841befa7a48816ed2483225fb52231a27770d817ac','76d24123d6b27d6dd3d9b168e67084225832425aeebd165aefed95361a23983b','05a7ff498aaf157434cf0a00882bec9558a73190ee420e9a12a26b7fcc7d0166');
INSERT INTO audit_event VALUES(66,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#42',2,6,'b8dc03e0989874689893953b93a116457eef402bcf057715cb4d20eebd57c1b5','e716b39c030fecec5beeb7e22ac2e64d2b56954414a89b209c49ad2ce6af3bf5','05a7ff498aaf157434cf0a00882bec9558a73190ee420e9a12a26b7fcc7d0166','21f803c6a53577630fff55fb8c8ebdf3e25b81cff0b1da13abdeeb93cfe8f10a');
INSERT INTO audit_event VALUES(67,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#43',2,6,'2ddc332661d353e800d7bdc0b95bc8d88ccc880f2c5ec1b79de969bd4623cd93','e7be9055505e90e5e439db470cf23e0eaa526414db602ffee2b75bc14e292a5a','21f803c6a53577630fff55fb8c8ebdf3e25b81cff0b1da13abdeeb93cfe8f10a','ad11e16cde5e6199ac4d5f10c693ab86f0ad2441e0c6d49a0a99fc48c19385c1');
INSERT INTO audit_event VALUES(68,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#44',2,6,'19f77b28f8ebbb4b20588c6c255e5e519f6edcb355ba7b1e5ea29da71d434a77','c4b9d2af5fe403873d5dd215e1c910300f6d3f8d27bffeae87eb65b30853b30f','ad11e16cde5e6199ac4d5f10c693ab86f0ad2441e0c6d49a0a99fc48c19385c1','f432ed18ffa3611ed7664cb478c403d10710d9d2c32a3357af4f1afde8988081');
INSERT INTO audit_event VALUES(69,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#45',2,6,'70c3809f7929d86af20e87e23e32d3e2398b0edbb7375d1807c1b2fe7e12904c','bceecd3d15fe2a1f53fa7e8113620c1524a55fb286a471e95b3901d1cd259e5d','f432ed18ffa3611ed7664cb478c403d10710d9d2c32a3357af4f1afde8988081','2801a97106899bdffb0e7667c5af64303c07660df5400d2a2918cd8eda44dad8');
INSERT INTO audit_event VALUES(70,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#46',2,6,'5488ff36982a10b18dae3522dc9141f6077281df253c5a33583de9fb2b0eabe5','24b14324f6d05bb9c49a0cf5432a4016cdac5dbcc47c03834529eea4998e34ac','2801a97106899bdffb0e7667c5af64303c07660df5400d2a2918cd8eda44dad8','015b4b28723b1ef650fc18b04e8fcc22f8c1a60ff19262112da06d307c4575b7');
INSERT INTO audit_event VALUES(71,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#47',2,6,'9d4da5b917169b7f689eeed453c9afcd81b64a52d5d6b7a107421f17ccb813c3','e9965c89e08c7e2778633bf775fa9f463d4e475f108493a7e16cbc35b09964d0','015b4b28723b1ef650fc18b04e8fcc22f8c1a60ff19262112da06d307c4575b7','5d13b4016d8b731cdc54d6e2388e85c32fa2b7dd3976c680029e766adc791a31');
INSERT INTO audit_event VALUES(72,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#48',2,6,'671e835fdd58d5cbc0bcc9c4bf79b88b659e6917a93a0aa1da485540a8f204f4','8b02ca69cf8047f5bea42d2893ea9c66c4c186f618b3ce775a17fab99874b247','5d13b4016d8b731cdc54d6e2388e85c32fa2b7dd3976c680029e766adc791a31','f6aa38cb088fd2ac3e99e12d2c2123a0d2a3a393952845bea7e058a8894f6607');
INSERT INTO audit_event VALUES(73,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','MS-2026-02/2#49',2,6,'8501e0eb395e68fedc224a15b62053f206f6721ce88ddc0471204972f47fbf33','336c751212cbd9aa58c33fd187b0b480e1ade602c8af1a8e8e81764ed44b52fc','f6aa38cb088fd2ac3e99e12d2c2123a0d2a3a393952845bea7e058a8894f6607','ad52c4478f3eb7201b5ba2f9d544899c5e8c41b28d863ed52acc554e4aebdefb');
INSERT INTO audit_event VALUES(74,'2026-12-03T10:50:53Z','Alex Morgan','root','finding.add','finding','MS-2026-02/2/F1',2,6,'f5f77eb98335a67003696b2b198a9c3c9958c1098f34c4476ce84b691155c5cb','cb90c76334023bce123446192870e00c122f543b942418e958bb07d66a33b8fb','ad52c4478f3eb7201b5ba2f9d544899c5e8c41b28d863ed52acc554e4aebdefb','cb0a9c96c0e9fb879be935deeb2f323d5369d3f0f548fa6b346ca9a3204087cf');
INSERT INTO audit_event VALUES(75,'2026-12-03T10:50:53Z','Priya Shah','root','finding.decide','finding','MS-2026-02/2/F1',2,6,'9e521905e0e09205e8c6b4b3803f069cdfc4b5e3e8ad9fa6acfffc0065a6cb52','021720841d277a45d7d55e5d0337910ecffbaf30cc849586bd7ec3a469ddf025','cb0a9c96c0e9fb879be935deeb2f323d5369d3f0f548fa6b346ca9a3204087cf','d6763b32343a1f5300cd8020cf5e593adba8b457c557a8b219922f9880b42861');
INSERT INTO audit_event VALUES(76,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.add','vacancy','CL-2026-01',3,NULL,'c4148b574d7d087a9e87078de4249546635f411e2e1dc8f0b02ec9e978777937','0094b363dac816ab68835d7fe48a826879ef42bb36e7cb581e0c3ec8caf57258','d6763b32343a1f5300cd8020cf5e593adba8b457c557a8b219922f9880b42861','6a6641742d92d9e81b7142527c2586406b34bcf470500163610937582ee4e3e0');
INSERT INTO audit_event VALUES(77,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','CL-2026-01/1',3,7,'d5fd9641cf56152376db70127bdb715ba644719a2c6884cf49fe6faa23b1c7cf','50ed962b2aa53d73b78854d11fe14839adfaef3ee13992332be489b663fb462d','6a6641742d92d9e81b7142527c2586406b34bcf470500163610937582ee4e3e0','015f18637dace341e7d953df7463ff780caed0e1300665bbdd9675d674665783');
INSERT INTO audit_event VALUES(78,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#50',3,7,'f4d4fcaf7021c4ee2ac66acc37dbc24e1cc0985fca2121a0d80b974254bfe33e','7bcbb449784838ac9a22bb571589860be7da36f8cb35a8fcf7ebbecc152ec980','015f18637dace341e7d953df7463ff780caed0e1300665bbdd9675d674665783','b7cef0f0a7534f6032655ab2ed33a8a04c781c05455260a45ba163ea297cc1bc');
INSERT INTO audit_event VALUES(79,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#51',3,7,'b1abbc5f741392934002dac6646a3a0fbcff406bf813f600a60d6acb8fc441d7','d1558b379bb8645c5439413238994d1a75fa69fc2df6e494444435e7c4fb6ebc','b7cef0f0a7534f6032655ab2ed33a8a04c781c05455260a45ba163ea297cc1bc','1d7397d052dc0d253502a741910026154d0bd196d0969ef9aea21cfdef3d9436');
INSERT INTO audit_event VALUES(80,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#52',3,7,'ccfe912c014a60ff29b8ec4b5fbbcbbd136be8b117ad8beb63ffc6d4a7695438','f3cd3dd52334a568c0f95f34570687d5b6d1fbf905699cac6f2571727c9a3854','1d7397d052dc0d253502a741910026154d0bd196d0969ef9aea21cfdef3d9436','3110805c9974d6350ab3cf55d797fe27f79baeed30f63cb83cdb016bdb13e492');
INSERT INTO audit_event VALUES(81,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#53',3,7,'e97bf20862380a0fc86bd5935d083d9fae5ddfe17f83786f9b36ed6f989e2408','3c792ae706bc4f062fb6b614983457931699dd6db4885d759f599f8e70edf10b','3110805c9974d6350ab3cf55d797fe27f79baeed30f63cb83cdb016bdb13e492','0d20998f8c1933a26cb2aac6618fb5c767063877b0283970da53d461ae38b7f8');
INSERT INTO audit_event VALUES(82,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#54',3,7,'50f00c80870197837746609ee4bf68109b125558f32f94da743aade46800d092','3cf4e26d382d97a06cb99540e0636262455254df1800ea07624915cb65677f90','0d20998f8c1933a26cb2aac6618fb5c767063877b0283970da53d461ae38b7f8','ee4b2581c505e3f02adc6cf787357e126ec8022d7cbaa4b416103b0a60602d40');
INSERT INTO audit_event VALUES(83,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#55',3,7,'dd56ed7aaa3cfd42304439067234c58e6e14ddd38e14b8ee3ac31311f63ccf03','54aa8bd42056218b477e77b072c0360bdaa79d9a4ef0dd78a143e88c31cc2dc4','ee4b2581c505e3f02adc6cf787357e126ec8022d7cbaa4b416103b0a60602d40','02be1964137b6fcf3fa93282456391587b0d8334273a8a9e227f9eeb3ae3b09f');
INSERT INTO audit_event VALUES(84,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#56',3,7,'cce1529ebb9cfa6ab700b39769509b28f18ce24fd65b81c64d33a7c9f56b8c72','55e5e62b4bf97670c1ceebd895ad1b5743e5e84006bf1febef8b0f4f4acde81a','02be1964137b6fcf3fa93282456391587b0d8334273a8a9e227f9eeb3ae3b09f','87d9e51eec529499a6e40cd4d10e09f0cab9ac7b1627af3ce99ea49d82ea81f6');
INSERT INTO audit_event VALUES(85,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#57',3,7,'a7a10f56e307e5ed38b4955dd843de060dce226b40d5589ad60b50e757411c29','99a46fbdffbeabd853d3b931020f685d6d0f4256b2a033ef633d5080ffb86576','87d9e51eec529499a6e40cd4d10e09f0cab9ac7b1627af3ce99ea49d82ea81f6','1c9181e73c2976871468e6971410839fac4db6fd428dc70217b2cc5e73760469');
INSERT INTO audit_event VALUES(86,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/1#58',3,7,'61973c45fe5947fbac433ad1bd555d872473955a2ecd54391b4bb30ab354daff','2f696accec767fca22491790d8ec63b33c50d0a299412820e02e8a650b3d975a','1c9181e73c2976871468e6971410839fac4db6fd428dc70217b2cc5e73760469','b40599a3747915c351e8d9ca988c389a03bcc3a6254b649ef10b3a4046d76d82');
INSERT INTO audit_event VALUES(87,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.add','candidate','CL-2026-01/2',3,8,'9b729a61b0c10e56bc3d25463153294f86aac41c5b33584d42f71f1b1931bc76','5e5c454454260b27261498ec467bfa738d785bcc407fd27d1ab4c03dcb93a645','b40599a3747915c351e8d9ca988c389a03bcc3a6254b649ef10b3a4046d76d82','b3328028df3d5ac388753b7b67c7fb288413c82e53f113acb95c5ed92d9ff9ad');
INSERT INTO audit_event VALUES(88,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#59',3,8,'1c7c6a953a7ec20452e0275fa35f8adf9a1e6f26a0676b886dc91b6b573306c0','c7b10c31f7fdc219b883aebb085f4af442f395cc6701ac66246b93853f1f36e4','b3328028df3d5ac388753b7b67c7fb288413c82e53f113acb95c5ed92d9ff9ad','7b62319177c456f3cc3f8f3b05744598a4258ff5a82c9f9755ce7d3a4e9acf80');
INSERT INTO audit_event VALUES(89,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#60',3,8,'46d19c2c21300a383fe0a7e351c084f440842049fd48b9b364fa2d0777eb9466','74d281aac23fd0ecd5bdb0c0f9a2f9ffe1db4bc6f8811011a21ca022e7fd11ef','7b62319177c456f3cc3f8f3b05744598a4258ff5a82c9f9755ce7d3a4e9acf80','d91d499abf9fdc6fd76efd7482b45d237467234babcb252fdf272361a6f1ab84');
INSERT INTO audit_event VALUES(90,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#61',3,8,'72e3ac3d7d3c0c6b3ee2c442ff0158722a7f204a7e901faee47d9c150b302e7b','31df433892d2425fa7ff0cc1fe0e9bb435fdb81fc68a1a508a495c9761707ee5','d91d499abf9fdc6fd76efd7482b45d237467234babcb252fdf272361a6f1ab84','e36dd15f8369bf7eec61667b9c9471dc115aa4a560d7a02dfdb19115f5d7a310');
INSERT INTO audit_event VALUES(91,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#62',3,8,'6ab51c535396583c18d901b0df8f3b5323dc7f94b7d5bcc7c8738694a8260b54','86d21da75e0ffebad63d5f9dbacf1692e638d216e56bdad26fbbf99b58ecbf3b','e36dd15f8369bf7eec61667b9c9471dc115aa4a560d7a02dfdb19115f5d7a310','27c34784f8691470d9ad3ba06384d18f6651e87c4f8d4fd2906d0171da2a99d1');
INSERT INTO audit_event VALUES(92,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#63',3,8,'336db656e74e13f10f91d5d3252c51126ad3523a65ac97811c37c214de56623d','3c75abfe10dccf0ef8dd023c24e1f95e216182086c63c8f054ce8acf208f2353','27c34784f8691470d9ad3ba06384d18f6651e87c4f8d4fd2906d0171da2a99d1','1cd236227c7a61032a89c5444a166942e1efa72af21faf716d986ac48a1e434d');
INSERT INTO audit_event VALUES(93,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#64',3,8,'dec83757d371c6201a8dbc9ff60f9a14f1c097ce797f1eec79b0d27c87fc87e0','248f0b4ebf81b5db7bdefc72865ccc53c4e3325ae07ed1f3366870929588d5e9','1cd236227c7a61032a89c5444a166942e1efa72af21faf716d986ac48a1e434d','d57a7f7334a2c084abb9f56bcc1622b620416ad0b8e65408f7f02736e51de6a3');
INSERT INTO audit_event VALUES(94,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#65',3,8,'fc0524e0524277aa1915cc8ed4cfe56f8ce81dbeedaff4bbad226bd75ec977f5','207ac8ae7e2458c576098459fe0f8dbe1bdafd73d8a660d6c1878b313a2b334c','d57a7f7334a2c084abb9f56bcc1622b620416ad0b8e65408f7f02736e51de6a3','68239c7d1cb5a2738f996a30dbbe94b2a9fc6c7ac30452581a787955ef7368b5');
INSERT INTO audit_event VALUES(95,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#66',3,8,'93a7b57d17369926e97999a5eccbb8cae718d894063f2729c37bd8c8b6471941','92bbfd1777dedd5b2d9160dd5c996f63a5ba67173393ef91ebfe6465726a813e','68239c7d1cb5a2738f996a30dbbe94b2a9fc6c7ac30452581a787955ef7368b5','817b5468c786482671d133fe57a4146d12ec119ad48173eb38cb6447074fb8ba');
INSERT INTO audit_event VALUES(96,'2026-12-03T10:50:53Z','Alex Morgan','root','search.log','search_entry','CL-2026-01/2#67',3,8,'1e6f675aa616bab01745f990cc4b28bef83990ffa9b078b8594d9eb80c86e504','c6fe8dfe13f046f252b3f737446f3b588b88c64ed70d7ab009f46f1b1a7d283f','817b5468c786482671d133fe57a4146d12ec119ad48173eb38cb6447074fb8ba','f5ed398facdb491e3172f9e748dd2b00226e10dc1cb599f0ac3f38c3700aafd4');
INSERT INTO audit_event VALUES(97,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.update','vacancy','CL-2026-01',3,NULL,'750b6686a7c9d6fbb20ee3c647a3d7ec5128b9ad1694e692f04a70125bc55940','483c53e1f14bd2a8b1c1cd92fea3c249fd46766d0133ea78c0be7b8ddd28ef6f','f5ed398facdb491e3172f9e748dd2b00226e10dc1cb599f0ac3f38c3700aafd4','e43661b95a49d73d1b24a87a5caa1e4ff8fa6113deeff140f47309d0d854451d');
INSERT INTO audit_event VALUES(98,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.update','vacancy','CL-2026-01',3,NULL,'3f338c84ab025cdc89a7c918d18b2a36c6eee68b84b20eab1af1f49b60cd5947','31d0c2e33b54e4d9c77f661da1494a0ec2a2afbd0e4e621b56402db89bcca8f7','e43661b95a49d73d1b24a87a5caa1e4ff8fa6113deeff140f47309d0d854451d','58bc0feaa6d0b20ca149fe623ed7c481da0ea7207e1e5f924151e78d02ba45f0');
INSERT INTO audit_event VALUES(99,'2026-12-03T10:50:53Z','Alex Morgan','root','candidate.outcome','candidate','CL-2026-01/1',3,7,'9c0773888fb1f0a1713b0bdef520e2111fd3310d4da0e3e9d2dc3b01981f2a4e','e75d0ea7533cf64f3aa12259882bb74a01e14deed6e04210d3dedf2344bbf58a','58bc0feaa6d0b20ca149fe623ed7c481da0ea7207e1e5f924151e78d02ba45f0','70e2f90174a01801822c7bbc6914135238bc0f24e1c576e8af2f59b714fa7ad9');
INSERT INTO audit_event VALUES(100,'2026-12-03T10:50:53Z','Alex Morgan','root','vacancy.update','vacancy','CL-2026-01',3,NULL,'70a8f539fe027dc925b405d12f6c418dd3d6bee1b33754cccec45b27d8d966ea','62319ae8e5b42a2d2ecd38e69e5ced2a7cd39a74adc1e5b3b5f23a78970f35bb','70e2f90174a01801822c7bbc6914135238bc0f24e1c576e8af2f59b714fa7ad9','0f678595219341a518677031abd377c362f5891abace775c56c2a8f9b4b1fd45');
INSERT INTO audit_event VALUES(101,'2026-05-03T16:00:00Z','Alex Morgan','root','candidate.outcome','candidate','CL-2026-01/2',3,8,'a4f886c886fda56e176fe6f13b22f094740f377f1ca252c193b076108bb4876d','ea71f17abcca6e65eee1817f8af092a686e955dc0cd6e07160a3702f0009e5d1','0f678595219341a518677031abd377c362f5891abace775c56c2a8f9b4b1fd45','c524bc7bf073b17bd95e60fc655a998f7b8f005a092a4123b9293b174fffa81a');
INSERT INTO audit_event VALUES(102,'2026-05-03T16:00:00Z','Alex Morgan','root','vacancy.close','vacancy','CL-2026-01',3,NULL,'c279c8cd04a4aec05873b3a81783150db4724d73ce7d5aa58802c4cade37f852','bb94d3eeff446a370dde72005c308ac07e680566b1d196389fca92c794805195','c524bc7bf073b17bd95e60fc655a998f7b8f005a092a4123b9293b174fffa81a','3c41a9ea858988f643cf5a44e039f45fec6dea9e27926456a79c8dc1edc5d171');
INSERT INTO audit_event VALUES(103,'2026-12-03T10:50:53Z','Alex Morgan','root','document.dossier','candidate','TA-2026-03/1',1,1,'91e6c0a5bc74ff76603549da483bb013b9ed4d5cdad049a228557476db9aa41e',NULL,'3c41a9ea858988f643cf5a44e039f45fec6dea9e27926456a79c8dc1edc5d171','eb3b8d3e89206735a3cfcb2dd570fe742a59229a8a9636dc856a381d5e476816');
INSERT INTO audit_event VALUES(104,'2026-12-03T10:50:53Z','Alex Morgan','root','document.dossier','candidate','TA-2026-03/2',1,2,'bebe46065f15f89e8de2da16464eb85b257ab782aaeb58d67c5a71dc2312880a',NULL,'eb3b8d3e89206735a3cfcb2dd570fe742a59229a8a9636dc856a381d5e476816','a2839d617b9e7ccb003692cb3dc4c5ce6875308635466650dcbbc673875b03be');
INSERT INTO audit_event VALUES(105,'2026-12-03T10:50:53Z','Alex Morgan','root','document.dossier','candidate','TA-2026-03/3',1,3,'bebe46065f15f89e8de2da16464eb85b257ab782aaeb58d67c5a71dc2312880a',NULL,'a2839d617b9e7ccb003692cb3dc4c5ce6875308635466650dcbbc673875b03be','15210a655ef9bf8bac91d5d1c8a6af2f21c08a5c4813d55dc714bb4e4da0160d');
INSERT INTO audit_event VALUES(106,'2026-12-03T10:50:53Z','Alex Morgan','root','document.dossier','candidate','TA-2026-03/4',1,4,'bebe46065f15f89e8de2da16464eb85b257ab782aaeb58d67c5a71dc2312880a',NULL,'15210a655ef9bf8bac91d5d1c8a6af2f21c08a5c4813d55dc714bb4e4da0160d','3e7d39a4af714e4698d657604c90dae0f350893bcc6e2f515e8e4ce7e16a4bd8');
INSERT INTO audit_event VALUES(107,'2026-12-03T10:50:53Z','Alex Morgan','root','document.pack','vacancy','TA-2026-03',1,NULL,'c7ad0eff37af34d364cf531a4faeb9a6c09c285ef813a9028c1b9f1fb481b6a5',NULL,'3e7d39a4af714e4698d657604c90dae0f350893bcc6e2f515e8e4ce7e16a4bd8','7ba243677122874493a2bb5f0214a2f73e29ab742548836a13589827443995da');
INSERT INTO audit_event VALUES(108,'2026-12-03T10:50:57Z','Alex Morgan','root','purge','purge','2026-12-03',NULL,NULL,'e3752dfafda34324c2db3d9ca861b29cdb508bbda15e72f616fd7ef252521594',NULL,'7ba243677122874493a2bb5f0214a2f73e29ab742548836a13589827443995da','4e68388048c13efecf1d86e85c38578f536e0a515d440893fbae49ccf44f61fb');
INSERT INTO audit_event VALUES(109,'2026-12-03T10:50:57Z','Alex Morgan','root','candidate.purge','candidate','CL-2026-01/1',3,7,'73fdee87f425a08a183e33422dfa72834bbe449118cf550126c6a183ce3204fc','406f808719cc408ec06e5b968fc5114c871302e05cd2837051b4d839a0315641','4e68388048c13efecf1d86e85c38578f536e0a515d440893fbae49ccf44f61fb','d1a66eb0cd672f3a924b1d86a0280844622922579136e763f920b6c80d5db3bd');
INSERT INTO audit_event VALUES(110,'2026-12-03T10:50:57Z','Alex Morgan','root','candidate.purge','candidate','CL-2026-01/2',3,8,'73fdee87f425a08a183e33422dfa72834bbe449118cf550126c6a183ce3204fc','ccc46e0051c7a28275a990e5bc86f04f56a9786a84eee732a5d48d383b543457','d1a66eb0cd672f3a924b1d86a0280844622922579136e763f920b6c80d5db3bd','72922adaff822c37765c44b2eba238e4ff6fb7d88fab9a2849774e0aeef6751c');
INSERT INTO audit_event VALUES(111,'2026-12-03T10:50:57Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#68',1,2,'8f36e8e41702632e69c9a6242375330d8b3321377ce9d104b485d1093f4fa92d','8ae88faa7cb17daca029b27b499364edf1446c2465d3809ae773479d8b6bd7fa','72922adaff822c37765c44b2eba238e4ff6fb7d88fab9a2849774e0aeef6751c','dffb645f2dd517bc1b38c171f3e3d820133cc7016eb89619f324c2513edf33bc');
INSERT INTO audit_event VALUES(112,'2026-12-03T10:50:58Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/2#69',1,2,'016cdbc73fb9d474858b435a3821569388fff369f7c77b640df9ac04566bab10','8b8e1a36de7e4a21a331b471d70de7cdd41e25e537939ffcaac19bc8902a23c8','dffb645f2dd517bc1b38c171f3e3d820133cc7016eb89619f324c2513edf33bc','861b2219ff18b1b829fd33058126984aea8724877b0b89bd67310c7e2b4506c3');
INSERT INTO audit_event VALUES(113,'2026-12-03T10:50:58Z','Alex Morgan','root','search.withdraw','search_entry','TA-2026-03/1#1',1,1,'ca2f5f7438014f962fe06f0e0973b91bc80f9ea97bc73b3688e47fe5b18ff247','ec223c292fa7dbcad469ab7a9d223c2d8f3580c831f8ec2aa31bdaa9323ae4e5','861b2219ff18b1b829fd33058126984aea8724877b0b89bd67310c7e2b4506c3','148253f2025d158f0fa43b3da9d560af1648608d4ec4b51a00ff834a5fc8b25d');
INSERT INTO audit_event VALUES(114,'2026-12-03T10:50:58Z','Alex Morgan','root','setting.set','setting','kcsie_edition',NULL,NULL,'f557f6ceda221a0e6e138619a42da455275019c5ccc4c817ab821917596a3596','384d7706732280f82a307f9f1c4bcaf8eedb818f20a564c1f765c299f4f63db3','148253f2025d158f0fa43b3da9d560af1648608d4ec4b51a00ff834a5fc8b25d','2e334409ac917f16d5d508bf81efa99733876a3ef809ca6a776af1cdf499fb34');
INSERT INTO audit_event VALUES(115,'2026-12-03T10:50:58Z','Alex Morgan','root','staff.add','staff','Dana Lee',NULL,NULL,'fa39abf2ad3ebf583c08c8fe14e109f3398cf557ac02562ccef7528c83e96669','1ab1811eeea239a739172719d109035d92abf093500889b4865c2d45afbe5b08','2e334409ac917f16d5d508bf81efa99733876a3ef809ca6a776af1cdf499fb34','6be149184dc05f5d398dc19d2d9657218432c93936cbafefa1db7468002c124b');
INSERT INTO audit_event VALUES(116,'2026-12-03T10:50:58Z','Alex Morgan','root','staff.update','staff','Dana Lee',NULL,NULL,'6a252d9e006187ac9b13e36e2b69d5fec2847dea48e72be821593354f80a5e37','753fa206e1de2c0f9ffae3cc67ea460f3b10e5c527441ff4ce1016c8504e495e','6be149184dc05f5d398dc19d2d9657218432c93936cbafefa1db7468002c124b','a97d97a5e3cfa335362aec90a4802ae9eafa3ad605581887d4df2b7798df7c13');
INSERT INTO audit_event VALUES(117,'2026-12-03T10:50:58Z','Alex Morgan','root','vacancy.hold','vacancy','MS-2026-02',2,NULL,'4022e86ea49f339d3f65f3539f5122d171cc671fa57520df555be7ba58438eaa','deab536501cf67ccde5173ab05bcdf3f4162362a93bf68f43404cff58023526a','a97d97a5e3cfa335362aec90a4802ae9eafa3ad605581887d4df2b7798df7c13','5ad4f415528305be73036f3db41981664f0317a51faec661079fe0fa51c6137d');
INSERT INTO audit_event VALUES(118,'2026-12-03T10:50:58Z','Alex Morgan','root','candidate.update','candidate','TA-2026-03/3',1,3,'bfacf4a5e3a9549346b648fe9ae80d4ca5ff351b9021c26ee6c612f9acbefef2','d6725eadca148a58aa48bc5d8f2409896b7eda27179ee6d2a914dc596aa50764','5ad4f415528305be73036f3db41981664f0317a51faec661079fe0fa51c6137d','4c674d5b4155b24d0079c1e42a6f6ce8dfdd2823adf46b0d9835a343ef864cdb');
INSERT INTO audit_event VALUES(119,'2026-12-03T10:51:01Z','Alex Morgan','root','finding-category.add','finding_category','online-gambling',NULL,NULL,'1a3ea9cf26adefc5d46007ec41a00bc67f743c8f755eb96ff75cf6efe80fce55','b9659be6b76714621fb216d59c6f21f66043c81186a95e57521868c320a1f81a','4c674d5b4155b24d0079c1e42a6f6ce8dfdd2823adf46b0d9835a343ef864cdb','338e99130cffcb8e18834fd2ee1ccf60948318d153fa8d4dd67cc574290463ab');
INSERT INTO audit_event VALUES(120,'2026-12-03T10:51:01Z','Alex Morgan','root','protocol.import','protocol','KCSIE standard online search v2',NULL,NULL,'006235ca59b81c4b1ce020ba70b0f277119e555b310afc562e42c7ce239b3755','ddd178836fde3fc24fe1569c4843f278d25d54e5d77b6304681a571a0a2d4c0f','338e99130cffcb8e18834fd2ee1ccf60948318d153fa8d4dd67cc574290463ab','1235ee8668d87f3e12e42c037735c6fa6a53836703d1daa84c6d65ee939bc254');
INSERT INTO audit_event VALUES(121,'2026-12-03T10:51:01Z','Priya Shah','root','finding.decide','finding','TA-2026-03/3/F1',1,3,'a24c0c5e5b2d2ffb841d4fe9e27066990dc2f16e6615840331acd64a75bca6d9','6f1707d725505dc6c4c04658c1f0e79532be9598b014f4148650656b11e51a42','1235ee8668d87f3e12e42c037735c6fa6a53836703d1daa84c6d65ee939bc254','acaf8e515241ff937e9f1e962739957416be7d03921d7fc2aac646b451521a95');
INSERT INTO audit_event VALUES(122,'2026-12-03T10:51:04Z','Alex Morgan','root','finding.update','finding','TA-2026-03/1/F2',1,1,'57036691ee992c50145e7b8cd7e9e88cb638b78de4a012be4ddddc41388d7b07','bf7a04fd2a16d4309aef085f25307bd0b8c3503b9a92959b10a7bb2d783b6683','acaf8e515241ff937e9f1e962739957416be7d03921d7fc2aac646b451521a95','4477e6ac9526aac31f1f77b74ad2f49f1488a02eca59ea1d9fab02fde212eac6');
INSERT INTO audit_event VALUES(123,'2026-12-03T10:51:04Z','Alex Morgan','root','vacancy.update','vacancy','TA-2026-03',1,NULL,'aa5e2139bb142d9f582f56b418604cb1de74d0bfefd94ba83e63345d5fdf0add','c0379ba6893afc0a3216de965aba852902aa9848cff133616aee917cce1661e2','4477e6ac9526aac31f1f77b74ad2f49f1488a02eca59ea1d9fab02fde212eac6','38cf9fe357d50989bec07956e87d26aac5976755b9e8f3b3a7fdbafe6abad1c6');
INSERT INTO audit_event VALUES(124,'2026-12-03T10:51:05Z','Alex Morgan','root','candidate.withdraw','candidate','TA-2026-03/4',1,4,'5a037ee228b527ef4031f13d1b773128d982ff601a86f18a1cdb924698ed13f2','7b6ec1a9105668eec51aa36b2f1bea9c543b6adf69d8eea034d34c796165408a','38cf9fe357d50989bec07956e87d26aac5976755b9e8f3b3a7fdbafe6abad1c6','7c8a6be77e0e47358558b68d98b7d260e4af92137536e06bb68a4309c552c011');
INSERT INTO audit_event VALUES(125,'2026-12-03T10:51:15Z','Alex Morgan','root','search.log','search_entry','TA-2026-03/4#70',1,4,'b01f6cfa98bddac56326417ebe3870ee50e8147fec1568e2369893f77deac28f','ae3d7fe2558923c025122d237944e3b83d0e4f7be7356b046d04237691463ec9','7c8a6be77e0e47358558b68d98b7d260e4af92137536e06bb68a4309c552c011','b9bf80addecde5258b303a37c6753968b345e3e74c134d1fa4f7795c80350a4c');
CREATE TABLE audit_detail (
    seq     INTEGER PRIMARY KEY REFERENCES audit_event(seq),
    details TEXT NOT NULL CHECK (json_valid(details))
);
INSERT INTO audit_detail VALUES(1,'{"name":"Alex Morgan","roles":"admin,searcher"}');
INSERT INTO audit_detail VALUES(2,'{"after":"yes","before":""}');
INSERT INTO audit_detail VALUES(3,'{"name":"Priya Shah","roles":"panel,recruiting-manager"}');
INSERT INTO audit_detail VALUES(4,'{"name":"Tom Ellis","roles":"panel"}');
INSERT INTO audit_detail VALUES(5,'{"name":"Grace Okafor","roles":"governor"}');
INSERT INTO audit_detail VALUES(6,'{"appointed":"","closed_on":"","closing_date":"2026-11-19","hold_reason":"","interview_date":"2026-12-13","kcsie_edition":"2026","look_back_years":"5","panel":"Priya Shah; Tom Ellis","post_title":"Teaching Assistant (Year 2)","protocol_id":"1","reference":"TA-2026-03","search_decision":"all","search_decision_reason":"","shortlisting_date":"2026-11-26","site":"Riverside Primary School","status":"open"}');
INSERT INTO audit_detail VALUES(7,'{"current_employer":"Hoole Primary School","email":"zoe.o@example.org","full_name":"Zoë Ødegaard","notified_on":"2026-11-26","notified_via":"email","other_names":"Zoë Hansen","outcome":"pending","outcome_on":"","previous_employers":"Little Acorns Nursery","purged_on":"","search_excluded":"no","shortlisted_on":"2026-11-26","town":"Chester"}');
INSERT INTO audit_detail VALUES(8,'{"current_employer":"Frodsham Leisure Centre","email":"siobhan.ob@example.org","full_name":"Siobhán O''Brien","notified_on":"2026-11-26","notified_via":"email","other_names":"","outcome":"pending","outcome_on":"","previous_employers":"Cheshire West Council; Elm Tree Café","purged_on":"","search_excluded":"no","shortlisted_on":"2026-11-26","town":"Frodsham"}');
INSERT INTO audit_detail VALUES(9,'{"current_employer":"Riverside Tutoring","email":"lukasz.n@example.org","full_name":"Łukasz Nowak","notified_on":"2026-11-26","notified_via":"email","other_names":"Luke Nowak","outcome":"pending","outcome_on":"","previous_employers":"","purged_on":"","search_excluded":"no","shortlisted_on":"2026-11-26","town":"Helsby"}');
INSERT INTO audit_detail VALUES(10,'{"current_employer":"Halton Library Service","email":"minh.nguyen@example.org","full_name":"Nguyễn Thị Minh","notified_on":"","notified_via":"","other_names":"","outcome":"pending","outcome_on":"","previous_employers":"St Mary''s RC Primary","purged_on":"","search_excluded":"no","shortlisted_on":"2026-11-26","town":"Runcorn"}');
INSERT INTO audit_detail VALUES(11,'{"addresses":"https://www.example.org/result-1-1","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Zoë Ødegaard\"","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\"","searched_at":"2026-12-01T11:00:00Z","step":"web-name","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(12,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Ødegaard\" Chester","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" Chester","searched_at":"2026-12-01T11:01:30Z","step":"web-name-town","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(13,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Ødegaard\" \"Hoole Primary School\"","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" \"Hoole Primary School\"","searched_at":"2026-12-01T11:03:00Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(14,'{"addresses":"https://www.example.org/result-1-4","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Zoë Ødegaard\" \"Little Acorns Nursery\"","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" \"Little Acorns Nursery\"","searched_at":"2026-12-01T11:04:30Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(15,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Hansen\"","public_only_confirmed":"yes","query":"\"Zoë Hansen\"","searched_at":"2026-12-01T11:06:00Z","step":"web-other-names","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(16,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Hansen\" Chester","public_only_confirmed":"yes","query":"\"Zoë Hansen\" Chester","searched_at":"2026-12-01T11:07:30Z","step":"web-other-names","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(17,'{"addresses":"https://www.example.org/result-1-7","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Zoë Ødegaard\"","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\"","searched_at":"2026-12-01T11:09:00Z","step":"news","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(18,'{"addresses":"https://www.example.org/result-1-8","evidence":"","late":"no","note":"","outcome":"findings","overrides":"","planned_query":"\"Zoë Ødegaard\" site:facebook.com","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" site:facebook.com","searched_at":"2026-12-01T11:10:30Z","step":"facebook","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(19,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Ødegaard\" (site:x.com OR site:twitter.com)","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" (site:x.com OR site:twitter.com)","searched_at":"2026-12-01T11:12:00Z","step":"x","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(20,'{"addresses":"https://www.example.org/result-1-10","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Zoë Ødegaard\" site:instagram.com","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" site:instagram.com","searched_at":"2026-12-01T11:13:30Z","step":"instagram","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(21,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Ødegaard\" site:tiktok.com","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" site:tiktok.com","searched_at":"2026-12-01T11:15:00Z","step":"tiktok","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(22,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Zoë Ødegaard\" site:linkedin.com","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\" site:linkedin.com","searched_at":"2026-12-01T11:16:30Z","step":"linkedin","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(23,'{"addresses":"https://www.example.org/result-1-13","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Zoë Ødegaard\"","public_only_confirmed":"yes","query":"\"Zoë Ødegaard\"","searched_at":"2026-12-01T11:18:00Z","step":"youtube","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(24,'{"addresses":"https://www.example.org/result-2-1","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Siobhán O''Brien\"","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\"","searched_at":"2026-12-01T12:00:00Z","step":"web-name","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(25,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Siobhán O''Brien\" Frodsham","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\" Frodsham","searched_at":"2026-12-01T12:01:30Z","step":"web-name-town","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(26,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Siobhán O''Brien\" \"Frodsham Leisure Centre\"","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\" \"Frodsham Leisure Centre\"","searched_at":"2026-12-01T12:03:00Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(27,'{"addresses":"https://www.example.org/result-2-4","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Siobhán O''Brien\" \"Cheshire West Council\"","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\" \"Cheshire West Council\"","searched_at":"2026-12-01T12:04:30Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(28,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Siobhán O''Brien\" \"Elm Tree Café\"","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\" \"Elm Tree Café\"","searched_at":"2026-12-01T12:06:00Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(29,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Siobhán O''Brien\"","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\"","searched_at":"2026-12-01T12:07:30Z","step":"news","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(30,'{"addresses":"https://www.example.org/result-3-1","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Łukasz Nowak\"","public_only_confirmed":"yes","query":"\"Łukasz Nowak\"","searched_at":"2026-12-01T13:00:00Z","step":"web-name","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(31,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Łukasz Nowak\" Helsby","public_only_confirmed":"yes","query":"\"Łukasz Nowak\" Helsby","searched_at":"2026-12-01T13:01:30Z","step":"web-name-town","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(32,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Łukasz Nowak\" \"Riverside Tutoring\"","public_only_confirmed":"yes","query":"\"Łukasz Nowak\" \"Riverside Tutoring\"","searched_at":"2026-12-01T13:03:00Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(33,'{"addresses":"https://www.example.org/result-3-4","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Luke Nowak\"","public_only_confirmed":"yes","query":"\"Luke Nowak\"","searched_at":"2026-12-01T13:04:30Z","step":"web-other-names","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(34,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Luke Nowak\" Helsby","public_only_confirmed":"yes","query":"\"Luke Nowak\" Helsby","searched_at":"2026-12-01T13:06:00Z","step":"web-other-names","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(35,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Łukasz Nowak\"","public_only_confirmed":"yes","query":"\"Łukasz Nowak\"","searched_at":"2026-12-01T13:07:30Z","step":"news","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(36,'{"addresses":"https://www.example.org/result-3-7","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Łukasz Nowak\" site:facebook.com","public_only_confirmed":"yes","query":"\"Łukasz Nowak\" site:facebook.com","searched_at":"2026-12-01T13:09:00Z","step":"facebook","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(37,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Łukasz Nowak\" (site:x.com OR site:twitter.com)","public_only_confirmed":"yes","query":"\"Łukasz Nowak\" (site:x.com OR site:twitter.com)","searched_at":"2026-12-01T13:10:30Z","step":"x","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(38,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Łukasz Nowak\" site:instagram.com","public_only_confirmed":"yes","query":"\"Łukasz Nowak\" site:instagram.com","searched_at":"2026-12-01T13:12:00Z","step":"instagram","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(39,'{"addresses":"https://www.example.org/result-3-10","evidence":"","late":"no","note":"The site asked for a sign-in, so the search stopped there; search again.","outcome":"could-not-complete","overrides":"","planned_query":"\"Łukasz Nowak\" site:tiktok.com","public_only_confirmed":"yes","query":"\"Łukasz Nowak\" site:tiktok.com","searched_at":"2026-12-01T13:13:30Z","step":"tiktok","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(40,'{"action":"add","category":"disparaging","conclusion":"","conclusion_detail":"","content_date":"2024-04-03","decision":"","decision_reason":"","entries":"8","identity":"confirmed","identity_basis":"Profile photo and employer match the application.","identity_question":"","protected_characteristic":"no","question":"","relevance":"How a member of staff speaks about pupils in public bears on their conduct with children.","response":"","sources":"https://www.facebook.com/example-public-post","summary":"A public post from March 2024 calls a previous employer''s pupils \"feral\".","version":"1"}');
INSERT INTO audit_detail VALUES(41,'{"action":"decide","category":"disparaging","conclusion":"","conclusion_detail":"","content_date":"2024-04-03","decision":"raise","decision_reason":"","entries":"8","identity":"confirmed","identity_basis":"Profile photo and employer match the application.","identity_question":"","protected_characteristic":"no","question":"Can you tell us about how you describe pupils when you talk about your work online?","relevance":"How a member of staff speaks about pupils in public bears on their conduct with children.","response":"","sources":"https://www.facebook.com/example-public-post","summary":"A public post from March 2024 calls a previous employer''s pupils \"feral\".","version":"2"}');
INSERT INTO audit_detail VALUES(42,'{"action":"add","category":"other","conclusion":"","conclusion_detail":"","content_date":"2016-02-03","decision":"","decision_reason":"","entries":"8","identity":"confirmed","identity_basis":"Profile photo and employer match the application.","identity_question":"","protected_characteristic":"no","question":"","relevance":"Conduct at school, checked for any risk to children.","response":"","sources":"https://www.facebook.com/example-public-post","summary":"A post from 2015, when the candidate was 16, about a school prank.","version":"1"}');
INSERT INTO audit_detail VALUES(43,'{"action":"decide","category":"other","conclusion":"","conclusion_detail":"","content_date":"2016-02-03","decision":"no-further-action","decision_reason":"Made as a teenager over ten years ago; no bearing on the post.","entries":"8","identity":"confirmed","identity_basis":"Profile photo and employer match the application.","identity_question":"","protected_characteristic":"no","question":"","relevance":"Conduct at school, checked for any risk to children.","response":"","sources":"https://www.facebook.com/example-public-post","summary":"A post from 2015, when the candidate was 16, about a school prank.","version":"2"}');
INSERT INTO audit_detail VALUES(44,'{"action":"add","category":"","conclusion":"","conclusion_detail":"","content_date":"","decision":"","decision_reason":"","entries":"8","identity":"confirmed","identity_basis":"Same profile as the first finding.","identity_question":"","protected_characteristic":"yes","question":"","relevance":"","response":"","sources":"","summary":"Public posts about the candidate''s faith community.","version":"1"}');
INSERT INTO audit_detail VALUES(45,'{"action":"add","category":"violence","conclusion":"","conclusion_detail":"","content_date":"","decision":"","decision_reason":"","entries":"27","identity":"unverified","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"","relevance":"Sharing violent content would bear on suitability to work with children, if it is theirs.","response":"","sources":"","summary":"An account with the same name shares videos of fights.","version":"1"}');
INSERT INTO audit_detail VALUES(46,'{"appointed":"","closed_on":"","closing_date":"","hold_reason":"","interview_date":"2026-11-30","kcsie_edition":"2026","look_back_years":"5","panel":"Priya Shah; Tom Ellis","post_title":"Midday Supervisor","protocol_id":"1","reference":"MS-2026-02","search_decision":"all","search_decision_reason":"","shortlisting_date":"2026-11-13","site":"Riverside Primary School","status":"open"}');
INSERT INTO audit_detail VALUES(47,'{"after":{"status":"shortlisted"},"before":{"status":"open"}}');
INSERT INTO audit_detail VALUES(48,'{"after":{"status":"interviewing"},"before":{"status":"shortlisted"}}');
INSERT INTO audit_detail VALUES(49,'{"current_employer":"Chester Zoo","email":"","full_name":"Amara Okoye","notified_on":"2026-11-13","notified_via":"application-pack","other_names":"","outcome":"pending","outcome_on":"","previous_employers":"","purged_on":"","search_excluded":"no","shortlisted_on":"2026-11-13","town":"Chester"}');
INSERT INTO audit_detail VALUES(50,'{"addresses":"https://www.example.org/result-1-1","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Amara Okoye\"","public_only_confirmed":"yes","query":"\"Amara Okoye\"","searched_at":"2026-11-23T10:00:00Z","step":"web-name","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(51,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Amara Okoye\" Chester","public_only_confirmed":"yes","query":"\"Amara Okoye\" Chester","searched_at":"2026-11-23T10:01:30Z","step":"web-name-town","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(52,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Amara Okoye\" \"Chester Zoo\"","public_only_confirmed":"yes","query":"\"Amara Okoye\" \"Chester Zoo\"","searched_at":"2026-11-23T10:03:00Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(53,'{"addresses":"https://www.example.org/result-1-4","evidence":"","late":"no","note":"","outcome":"findings","overrides":"","planned_query":"\"Amara Okoye\"","public_only_confirmed":"yes","query":"\"Amara Okoye\"","searched_at":"2026-11-23T10:04:30Z","step":"news","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(54,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Amara Okoye\" site:facebook.com","public_only_confirmed":"yes","query":"\"Amara Okoye\" site:facebook.com","searched_at":"2026-11-23T10:06:00Z","step":"facebook","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(55,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Amara Okoye\" (site:x.com OR site:twitter.com)","public_only_confirmed":"yes","query":"\"Amara Okoye\" (site:x.com OR site:twitter.com)","searched_at":"2026-11-23T10:07:30Z","step":"x","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(56,'{"addresses":"https://www.example.org/result-1-7","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Amara Okoye\" site:instagram.com","public_only_confirmed":"yes","query":"\"Amara Okoye\" site:instagram.com","searched_at":"2026-11-23T10:09:00Z","step":"instagram","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(57,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Amara Okoye\" site:tiktok.com","public_only_confirmed":"yes","query":"\"Amara Okoye\" site:tiktok.com","searched_at":"2026-11-23T10:10:30Z","step":"tiktok","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(58,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Amara Okoye\" site:linkedin.com","public_only_confirmed":"yes","query":"\"Amara Okoye\" site:linkedin.com","searched_at":"2026-11-23T10:12:00Z","step":"linkedin","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(59,'{"addresses":"https://www.example.org/result-1-10","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Amara Okoye\"","public_only_confirmed":"yes","query":"\"Amara Okoye\"","searched_at":"2026-11-23T10:13:30Z","step":"youtube","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(60,'{"action":"add","category":"bullying-harassment","conclusion":"","conclusion_detail":"","content_date":"2025-10-03","decision":"","decision_reason":"","entries":"33","identity":"probable","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"","relevance":"Conduct towards others, explored so the candidate can explain.","response":"","sources":"","summary":"A local news report names the candidate in a dispute with a neighbour.","version":"1"}');
INSERT INTO audit_detail VALUES(61,'{"action":"decide","category":"bullying-harassment","conclusion":"","conclusion_detail":"","content_date":"2025-10-03","decision":"raise","decision_reason":"","entries":"33","identity":"probable","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"Is there anything about a dispute reported in the local news that you would like to tell us about?","relevance":"Conduct towards others, explored so the candidate can explain.","response":"","sources":"","summary":"A local news report names the candidate in a dispute with a neighbour.","version":"2"}');
INSERT INTO audit_detail VALUES(62,'{"action":"respond","category":"bullying-harassment","conclusion":"satisfied","conclusion_detail":"","content_date":"2025-10-03","decision":"raise","decision_reason":"","entries":"33","identity":"probable","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"Is there anything about a dispute reported in the local news that you would like to tell us about?","relevance":"Conduct towards others, explored so the candidate can explain.","response":"A boundary dispute, settled by mediation; no police involvement.","sources":"","summary":"A local news report names the candidate in a dispute with a neighbour.","version":"3"}');
INSERT INTO audit_detail VALUES(63,'{"current_employer":"Wrexham Council","email":"","full_name":"Dafydd Rhys-Jones","notified_on":"2026-11-13","notified_via":"application-pack","other_names":"","outcome":"pending","outcome_on":"","previous_employers":"","purged_on":"","search_excluded":"no","shortlisted_on":"2026-11-13","town":"Wrexham"}');
INSERT INTO audit_detail VALUES(64,'{"addresses":"https://www.example.org/result-2-1","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Dafydd Rhys-Jones\"","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\"","searched_at":"2026-11-23T11:00:00Z","step":"web-name","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(65,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" Wrexham","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" Wrexham","searched_at":"2026-11-23T11:01:30Z","step":"web-name-town","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(66,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" \"Wrexham Council\"","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" \"Wrexham Council\"","searched_at":"2026-11-23T11:03:00Z","step":"web-name-employer","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(67,'{"addresses":"https://www.example.org/result-2-4","evidence":"","late":"no","note":"","outcome":"findings","overrides":"","planned_query":"\"Dafydd Rhys-Jones\"","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\"","searched_at":"2026-11-23T11:04:30Z","step":"news","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(68,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" site:facebook.com","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" site:facebook.com","searched_at":"2026-11-23T11:06:00Z","step":"facebook","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(69,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" (site:x.com OR site:twitter.com)","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" (site:x.com OR site:twitter.com)","searched_at":"2026-11-23T11:07:30Z","step":"x","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(70,'{"addresses":"https://www.example.org/result-2-7","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" site:instagram.com","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" site:instagram.com","searched_at":"2026-11-23T11:09:00Z","step":"instagram","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(71,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" site:tiktok.com","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" site:tiktok.com","searched_at":"2026-11-23T11:10:30Z","step":"tiktok","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(72,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Dafydd Rhys-Jones\" site:linkedin.com","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\" site:linkedin.com","searched_at":"2026-11-23T11:12:00Z","step":"linkedin","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(73,'{"addresses":"https://www.example.org/result-2-10","evidence":"","late":"no","note":"","outcome":"nothing-relevant","overrides":"","planned_query":"\"Dafydd Rhys-Jones\"","public_only_confirmed":"yes","query":"\"Dafydd Rhys-Jones\"","searched_at":"2026-11-23T11:13:30Z","step":"youtube","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(74,'{"action":"add","category":"bullying-harassment","conclusion":"","conclusion_detail":"","content_date":"2025-10-03","decision":"","decision_reason":"","entries":"43","identity":"probable","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"","relevance":"Conduct towards others, explored so the candidate can explain.","response":"","sources":"","summary":"A local news report names the candidate in a dispute with a neighbour.","version":"1"}');
INSERT INTO audit_detail VALUES(75,'{"action":"decide","category":"bullying-harassment","conclusion":"","conclusion_detail":"","content_date":"2025-10-03","decision":"raise","decision_reason":"","entries":"43","identity":"probable","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"Is there anything about a dispute reported in the local news that you would like to tell us about?","relevance":"Conduct towards others, explored so the candidate can explain.","response":"","sources":"","summary":"A local news report names the candidate in a dispute with a neighbour.","version":"2"}');
INSERT INTO audit_detail VALUES(76,'{"appointed":"","closed_on":"","closing_date":"","hold_reason":"","interview_date":"2026-03-13","kcsie_edition":"2026","look_back_years":"5","panel":"Priya Shah","post_title":"Cleaner","protocol_id":"1","reference":"CL-2026-01","search_decision":"all","search_decision_reason":"","shortlisting_date":"2026-03-03","site":"Riverside Primary School","status":"open"}');
INSERT INTO audit_detail VALUES(97,'{"after":{"status":"shortlisted"},"before":{"status":"open"}}');
INSERT INTO audit_detail VALUES(98,'{"after":{"status":"interviewing"},"before":{"status":"shortlisted"}}');
INSERT INTO audit_detail VALUES(100,'{"after":{"appointed":"1","status":"appointed"},"before":{"appointed":"","status":"interviewing"}}');
INSERT INTO audit_detail VALUES(102,'{"after":{"closed_on":"2026-05-03","status":"closed"},"before":{"closed_on":"","status":"appointed"}}');
INSERT INTO audit_detail VALUES(103,'{"audit_seq":"45","draft":"no"}');
INSERT INTO audit_detail VALUES(104,'{"audit_seq":"45","draft":"yes"}');
INSERT INTO audit_detail VALUES(105,'{"audit_seq":"45","draft":"yes"}');
INSERT INTO audit_detail VALUES(106,'{"audit_seq":"45","draft":"yes"}');
INSERT INTO audit_detail VALUES(107,'{"audit_seq":"45","dossiers":"TA-2026-03/1,TA-2026-03/2,TA-2026-03/3,TA-2026-03/4"}');
INSERT INTO audit_detail VALUES(108,'{"auditDetails":22,"candidates":2,"evidenceFiles":0,"findings":0,"reduced":1,"removed":1,"searchEntries":18,"vacancies":["CL-2026-01"]}');
INSERT INTO audit_detail VALUES(109,'{"purge_event":"108"}');
INSERT INTO audit_detail VALUES(110,'{"purge_event":"108"}');
INSERT INTO audit_detail VALUES(111,'{"addresses":"https://www.instagram.com/x","evidence":"684e1ec2e0cb416161aaca5c844bec78ee88c8b940c20bb107b22e3aa7973137","late":"no","note":"Seen.","outcome":"nothing-relevant","overrides":"","planned_query":"\"Siobhán O''Brien\" site:instagram.com","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\" site:instagram.com","searched_at":"2026-12-03T10:50:57Z","step":"instagram","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(112,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"","planned_query":"\"Siobhán O''Brien\" site:instagram.com","public_only_confirmed":"yes","query":"\"Siobhán O''Brien\" site:instagram.com","searched_at":"2026-12-03T10:50:58Z","step":"instagram","withdrawn_reason":""}');
INSERT INTO audit_detail VALUES(113,'{"reason":"Logged against the wrong candidate."}');
INSERT INTO audit_detail VALUES(114,'{"after":"2027","before":"2026"}');
INSERT INTO audit_detail VALUES(115,'{"name":"Dana Lee","roles":"panel"}');
INSERT INTO audit_detail VALUES(116,'{"after":["panel","governor"],"before":["panel"]}');
INSERT INTO audit_detail VALUES(117,'{"after":{"hold_reason":"A claim is pending."},"before":{"hold_reason":""}}');
INSERT INTO audit_detail VALUES(118,'{"after":{"town":"Leeds"},"before":{"town":"Helsby"}}');
INSERT INTO audit_detail VALUES(119,'{"key":"online-gambling","label":"Online gambling"}');
INSERT INTO audit_detail VALUES(120,'{"file":"# shortlist search protocol: KCSIE standard online search v2\n# Placeholders in queries: {name} {town} {employer} {other_name}; {query} in links.\nname: KCSIE standard online search\ndescription: Our own version.\n\n[web-name]\nlabel: Search engine: full name\nkind: search-engine\nquery: \"{name}\"\nlink: https://www.google.com/search?q={query}\n\n[web-name-town]\nlabel: Search engine: full name and town\nkind: search-engine\nquery: \"{name}\" {town}\nlink: https://www.google.com/search?q={query}\n\n[web-name-employer]\nlabel: Search engine: full name and each employer\nkind: search-engine\nquery: \"{name}\" \"{employer}\"\nlink: https://www.google.com/search?q={query}\n\n[web-other-names]\nlabel: Search engine: each other name, with and without the town\nkind: search-engine\nquery: \"{other_name}\"\nquery: \"{other_name}\" {town}\nlink: https://www.google.com/search?q={query}\n\n[news]\nlabel: News search: full name\nkind: news\nquery: \"{name}\"\nlink: https://www.google.com/search?tbm=nws&q={query}\n\n[facebook]\nlabel: Facebook: public pages and profiles\nkind: platform\nquery: \"{name}\" site:facebook.com\nlink: https://www.google.com/search?q={query}\n\n[x]\nlabel: X (Twitter): public posts and profiles\nkind: platform\nquery: \"{name}\" (site:x.com OR site:twitter.com)\nlink: https://www.google.com/search?q={query}\n\n[instagram]\nlabel: Instagram: public profiles\nkind: platform\nquery: \"{name}\" site:instagram.com\nlink: https://www.google.com/search?q={query}\n\n[tiktok]\nlabel: TikTok: public profiles and videos\nkind: platform\nquery: \"{name}\" site:tiktok.com\nlink: https://www.google.com/search?q={query}\n\n[linkedin]\nlabel: LinkedIn: public profile (cross-check employment history)\nkind: platform\nquery: \"{name}\" site:linkedin.com\nlink: https://www.google.com/search?q={query}\n\n[youtube]\nlabel: YouTube: public videos and channels\nkind: platform\nquery: \"{name}\"\nlink: https://www.youtube.com/results?search_query={query}\n"}');
INSERT INTO audit_detail VALUES(121,'{"action":"decide","category":"violence","conclusion":"","conclusion_detail":"","content_date":"","decision":"no-further-action","decision_reason":"Not the candidate: different town.","entries":"27","identity":"unverified","identity_basis":"","identity_question":"","protected_characteristic":"no","question":"","relevance":"Sharing violent content would bear on suitability to work with children, if it is theirs.","response":"","sources":"","summary":"An account with the same name shares videos of fights.","version":"2"}');
INSERT INTO audit_detail VALUES(122,'{"action":"update","category":"other","conclusion":"","conclusion_detail":"","content_date":"2016-02-03","decision":"no-further-action","decision_reason":"Made as a teenager over ten years ago; no bearing on the post.","entries":"8","identity":"confirmed","identity_basis":"Profile photo and employer match the application.","identity_question":"","protected_characteristic":"no","question":"","relevance":"Conduct at school, checked for any risk to children.","response":"","sources":"https://www.facebook.com/example-public-post","summary":"A post from 2015 about a school prank, when the candidate was 16.","version":"3"}');
INSERT INTO audit_detail VALUES(123,'{"after":{"site":"Riverside Primary School (main site)"},"before":{"site":"Riverside Primary School"}}');
INSERT INTO audit_detail VALUES(124,'{"after":"withdrew","before":"pending","on":"2026-12-03","reason":"Took another post."}');
INSERT INTO audit_detail VALUES(125,'{"addresses":"","evidence":"","late":"no","note":"","outcome":"no-results","overrides":"not-told: Searched before the withdrawal was known.; candidate-withdrawn: Searched before the withdrawal was known.","planned_query":"\"Nguyễn Thị Minh\"","public_only_confirmed":"yes","query":"\"Nguyễn Thị Minh\"","searched_at":"2026-12-03T10:51:15Z","step":"web-name","withdrawn_reason":""}');
CREATE TABLE protocol (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    version     INTEGER NOT NULL CHECK (version > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (name, version)
);
INSERT INTO protocol VALUES(1,'KCSIE standard online search',1,'The same public searches for every shortlisted candidate: search engine, news and public profiles. Platforms are searched through a search engine restricted to the site, so nothing needs a login.','2026-09-01T00:00:00Z');
INSERT INTO protocol VALUES(2,'KCSIE standard online search',2,'Our own version.','2026-12-03T10:51:01Z');
CREATE TABLE protocol_step (
    protocol_id INTEGER NOT NULL REFERENCES protocol(id),
    position    INTEGER NOT NULL CHECK (position > 0),
    key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
    label       TEXT NOT NULL CHECK (length(trim(label)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('search-engine', 'news', 'platform')),
    queries     TEXT NOT NULL CHECK (json_valid(queries) AND json_type(queries) = 'array' AND json_array_length(queries) > 0),
    link        TEXT NOT NULL CHECK (link LIKE 'https://%' AND link LIKE '%{query}%'),
    PRIMARY KEY (protocol_id, position),
    UNIQUE (protocol_id, key)
) WITHOUT ROWID;
INSERT INTO protocol_step VALUES(1,1,'web-name','Search engine: full name','search-engine','["\"{name}\""]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,2,'web-name-town','Search engine: full name and town','search-engine','["\"{name}\" {town}"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,3,'web-name-employer','Search engine: full name and each employer','search-engine','["\"{name}\" \"{employer}\""]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,4,'web-other-names','Search engine: each other name, with and without the town','search-engine','["\"{other_name}\"", "\"{other_name}\" {town}"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,5,'news','News search: full name','news','["\"{name}\""]','https://www.google.com/search?tbm=nws&q={query}');
INSERT INTO protocol_step VALUES(1,6,'facebook','Facebook: public pages and profiles','platform','["\"{name}\" site:facebook.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,7,'x','X (Twitter): public posts and profiles','platform','["\"{name}\" (site:x.com OR site:twitter.com)"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,8,'instagram','Instagram: public profiles','platform','["\"{name}\" site:instagram.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,9,'tiktok','TikTok: public profiles and videos','platform','["\"{name}\" site:tiktok.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,10,'linkedin','LinkedIn: public profile (cross-check employment history)','platform','["\"{name}\" site:linkedin.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(1,11,'youtube','YouTube: public videos and channels','platform','["\"{name}\""]','https://www.youtube.com/results?search_query={query}');
INSERT INTO protocol_step VALUES(2,1,'web-name','Search engine: full name','search-engine','["\"{name}\""]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,2,'web-name-town','Search engine: full name and town','search-engine','["\"{name}\" {town}"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,3,'web-name-employer','Search engine: full name and each employer','search-engine','["\"{name}\" \"{employer}\""]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,4,'web-other-names','Search engine: each other name, with and without the town','search-engine','["\"{other_name}\"","\"{other_name}\" {town}"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,5,'news','News search: full name','news','["\"{name}\""]','https://www.google.com/search?tbm=nws&q={query}');
INSERT INTO protocol_step VALUES(2,6,'facebook','Facebook: public pages and profiles','platform','["\"{name}\" site:facebook.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,7,'x','X (Twitter): public posts and profiles','platform','["\"{name}\" (site:x.com OR site:twitter.com)"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,8,'instagram','Instagram: public profiles','platform','["\"{name}\" site:instagram.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,9,'tiktok','TikTok: public profiles and videos','platform','["\"{name}\" site:tiktok.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,10,'linkedin','LinkedIn: public profile (cross-check employment history)','platform','["\"{name}\" site:linkedin.com"]','https://www.google.com/search?q={query}');
INSERT INTO protocol_step VALUES(2,11,'youtube','YouTube: public videos and channels','platform','["\"{name}\""]','https://www.youtube.com/results?search_query={query}');
CREATE TABLE search_entry (
    id               INTEGER PRIMARY KEY,
    candidate_id     INTEGER NOT NULL REFERENCES candidate(id),
    protocol_id      INTEGER NOT NULL REFERENCES protocol(id),
    step_key         TEXT NOT NULL,
    planned_query    TEXT NOT NULL,
    query            TEXT NOT NULL,
    searched_at      TEXT NOT NULL,
    searcher_id      INTEGER NOT NULL REFERENCES staff(id),
    outcome          TEXT NOT NULL CHECK (outcome IN ('no-results', 'nothing-relevant', 'findings', 'could-not-complete')),
    note             TEXT NOT NULL DEFAULT '',
    -- The searcher's statement that only public information was viewed.
    public_only      INTEGER NOT NULL CHECK (public_only = 1),
    late             INTEGER NOT NULL CHECK (late IN (0, 1)),
    run_id           TEXT,
    recorded_at      TEXT NOT NULL,
    withdrawn_at     TEXT,
    withdrawn_by     INTEGER REFERENCES staff(id),
    withdrawn_reason TEXT,
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)),
    CHECK (outcome <> 'could-not-complete' OR length(trim(note)) > 0)
);
INSERT INTO search_entry VALUES(1,1,1,'web-name','"Zoë Ødegaard"','"Zoë Ødegaard"','2026-12-01T11:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z','2026-12-03T10:50:58Z',1,'Logged against the wrong candidate.');
INSERT INTO search_entry VALUES(2,1,1,'web-name-town','"Zoë Ødegaard" Chester','"Zoë Ødegaard" Chester','2026-12-01T11:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(3,1,1,'web-name-employer','"Zoë Ødegaard" "Hoole Primary School"','"Zoë Ødegaard" "Hoole Primary School"','2026-12-01T11:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(4,1,1,'web-name-employer','"Zoë Ødegaard" "Little Acorns Nursery"','"Zoë Ødegaard" "Little Acorns Nursery"','2026-12-01T11:04:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(5,1,1,'web-other-names','"Zoë Hansen"','"Zoë Hansen"','2026-12-01T11:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(6,1,1,'web-other-names','"Zoë Hansen" Chester','"Zoë Hansen" Chester','2026-12-01T11:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(7,1,1,'news','"Zoë Ødegaard"','"Zoë Ødegaard"','2026-12-01T11:09:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(8,1,1,'facebook','"Zoë Ødegaard" site:facebook.com','"Zoë Ødegaard" site:facebook.com','2026-12-01T11:10:30Z',1,'findings','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(9,1,1,'x','"Zoë Ødegaard" (site:x.com OR site:twitter.com)','"Zoë Ødegaard" (site:x.com OR site:twitter.com)','2026-12-01T11:12:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(10,1,1,'instagram','"Zoë Ødegaard" site:instagram.com','"Zoë Ødegaard" site:instagram.com','2026-12-01T11:13:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(11,1,1,'tiktok','"Zoë Ødegaard" site:tiktok.com','"Zoë Ødegaard" site:tiktok.com','2026-12-01T11:15:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(12,1,1,'linkedin','"Zoë Ødegaard" site:linkedin.com','"Zoë Ødegaard" site:linkedin.com','2026-12-01T11:16:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(13,1,1,'youtube','"Zoë Ødegaard"','"Zoë Ødegaard"','2026-12-01T11:18:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(14,2,1,'web-name','"Siobhán O''Brien"','"Siobhán O''Brien"','2026-12-01T12:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(15,2,1,'web-name-town','"Siobhán O''Brien" Frodsham','"Siobhán O''Brien" Frodsham','2026-12-01T12:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(16,2,1,'web-name-employer','"Siobhán O''Brien" "Frodsham Leisure Centre"','"Siobhán O''Brien" "Frodsham Leisure Centre"','2026-12-01T12:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(17,2,1,'web-name-employer','"Siobhán O''Brien" "Cheshire West Council"','"Siobhán O''Brien" "Cheshire West Council"','2026-12-01T12:04:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(18,2,1,'web-name-employer','"Siobhán O''Brien" "Elm Tree Café"','"Siobhán O''Brien" "Elm Tree Café"','2026-12-01T12:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(19,2,1,'news','"Siobhán O''Brien"','"Siobhán O''Brien"','2026-12-01T12:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(20,3,1,'web-name','"Łukasz Nowak"','"Łukasz Nowak"','2026-12-01T13:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(21,3,1,'web-name-town','"Łukasz Nowak" Helsby','"Łukasz Nowak" Helsby','2026-12-01T13:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(22,3,1,'web-name-employer','"Łukasz Nowak" "Riverside Tutoring"','"Łukasz Nowak" "Riverside Tutoring"','2026-12-01T13:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(23,3,1,'web-other-names','"Luke Nowak"','"Luke Nowak"','2026-12-01T13:04:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(24,3,1,'web-other-names','"Luke Nowak" Helsby','"Luke Nowak" Helsby','2026-12-01T13:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(25,3,1,'news','"Łukasz Nowak"','"Łukasz Nowak"','2026-12-01T13:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(26,3,1,'facebook','"Łukasz Nowak" site:facebook.com','"Łukasz Nowak" site:facebook.com','2026-12-01T13:09:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(27,3,1,'x','"Łukasz Nowak" (site:x.com OR site:twitter.com)','"Łukasz Nowak" (site:x.com OR site:twitter.com)','2026-12-01T13:10:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(28,3,1,'instagram','"Łukasz Nowak" site:instagram.com','"Łukasz Nowak" site:instagram.com','2026-12-01T13:12:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(29,3,1,'tiktok','"Łukasz Nowak" site:tiktok.com','"Łukasz Nowak" site:tiktok.com','2026-12-01T13:13:30Z',1,'could-not-complete','The site asked for a sign-in, so the search stopped there; search again.',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(30,5,1,'web-name','"Amara Okoye"','"Amara Okoye"','2026-11-23T10:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(31,5,1,'web-name-town','"Amara Okoye" Chester','"Amara Okoye" Chester','2026-11-23T10:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(32,5,1,'web-name-employer','"Amara Okoye" "Chester Zoo"','"Amara Okoye" "Chester Zoo"','2026-11-23T10:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(33,5,1,'news','"Amara Okoye"','"Amara Okoye"','2026-11-23T10:04:30Z',1,'findings','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(34,5,1,'facebook','"Amara Okoye" site:facebook.com','"Amara Okoye" site:facebook.com','2026-11-23T10:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(35,5,1,'x','"Amara Okoye" (site:x.com OR site:twitter.com)','"Amara Okoye" (site:x.com OR site:twitter.com)','2026-11-23T10:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(36,5,1,'instagram','"Amara Okoye" site:instagram.com','"Amara Okoye" site:instagram.com','2026-11-23T10:09:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(37,5,1,'tiktok','"Amara Okoye" site:tiktok.com','"Amara Okoye" site:tiktok.com','2026-11-23T10:10:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(38,5,1,'linkedin','"Amara Okoye" site:linkedin.com','"Amara Okoye" site:linkedin.com','2026-11-23T10:12:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(39,5,1,'youtube','"Amara Okoye"','"Amara Okoye"','2026-11-23T10:13:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(40,6,1,'web-name','"Dafydd Rhys-Jones"','"Dafydd Rhys-Jones"','2026-11-23T11:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(41,6,1,'web-name-town','"Dafydd Rhys-Jones" Wrexham','"Dafydd Rhys-Jones" Wrexham','2026-11-23T11:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(42,6,1,'web-name-employer','"Dafydd Rhys-Jones" "Wrexham Council"','"Dafydd Rhys-Jones" "Wrexham Council"','2026-11-23T11:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(43,6,1,'news','"Dafydd Rhys-Jones"','"Dafydd Rhys-Jones"','2026-11-23T11:04:30Z',1,'findings','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(44,6,1,'facebook','"Dafydd Rhys-Jones" site:facebook.com','"Dafydd Rhys-Jones" site:facebook.com','2026-11-23T11:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(45,6,1,'x','"Dafydd Rhys-Jones" (site:x.com OR site:twitter.com)','"Dafydd Rhys-Jones" (site:x.com OR site:twitter.com)','2026-11-23T11:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(46,6,1,'instagram','"Dafydd Rhys-Jones" site:instagram.com','"Dafydd Rhys-Jones" site:instagram.com','2026-11-23T11:09:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(47,6,1,'tiktok','"Dafydd Rhys-Jones" site:tiktok.com','"Dafydd Rhys-Jones" site:tiktok.com','2026-11-23T11:10:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(48,6,1,'linkedin','"Dafydd Rhys-Jones" site:linkedin.com','"Dafydd Rhys-Jones" site:linkedin.com','2026-11-23T11:12:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(49,6,1,'youtube','"Dafydd Rhys-Jones"','"Dafydd Rhys-Jones"','2026-11-23T11:13:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(50,7,1,'web-name','web-name','','2026-03-06T12:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(51,7,1,'web-name-town','web-name-town','','2026-03-06T12:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(52,7,1,'news','news','','2026-03-06T12:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(53,7,1,'facebook','facebook','','2026-03-06T12:04:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(54,7,1,'x','x','','2026-03-06T12:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(55,7,1,'instagram','instagram','','2026-03-06T12:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(56,7,1,'tiktok','tiktok','','2026-03-06T12:09:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(57,7,1,'linkedin','linkedin','','2026-03-06T12:10:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(58,7,1,'youtube','youtube','','2026-03-06T12:12:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(59,8,1,'web-name','web-name','','2026-03-06T13:00:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(60,8,1,'web-name-town','web-name-town','','2026-03-06T13:01:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(61,8,1,'news','news','','2026-03-06T13:03:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(62,8,1,'facebook','facebook','','2026-03-06T13:04:30Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(63,8,1,'x','x','','2026-03-06T13:06:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(64,8,1,'instagram','instagram','','2026-03-06T13:07:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(65,8,1,'tiktok','tiktok','','2026-03-06T13:09:00Z',1,'nothing-relevant','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(66,8,1,'linkedin','linkedin','','2026-03-06T13:10:30Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(67,8,1,'youtube','youtube','','2026-03-06T13:12:00Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:53Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(68,2,1,'instagram','"Siobhán O''Brien" site:instagram.com','"Siobhán O''Brien" site:instagram.com','2026-12-03T10:50:57Z',1,'nothing-relevant','Seen.',1,0,NULL,'2026-12-03T10:50:57Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(69,2,1,'instagram','"Siobhán O''Brien" site:instagram.com','"Siobhán O''Brien" site:instagram.com','2026-12-03T10:50:58Z',1,'no-results','',1,0,NULL,'2026-12-03T10:50:58Z',NULL,NULL,NULL);
INSERT INTO search_entry VALUES(70,4,1,'web-name','"Nguyễn Thị Minh"','"Nguyễn Thị Minh"','2026-12-03T10:51:15Z',1,'no-results','',1,0,NULL,'2026-12-03T10:51:15Z',NULL,NULL,NULL);
CREATE TABLE search_address (
    entry_id INTEGER NOT NULL REFERENCES search_entry(id),
    position INTEGER NOT NULL,
    address  TEXT NOT NULL,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
INSERT INTO search_address VALUES(1,1,'https://www.example.org/result-1-1');
INSERT INTO search_address VALUES(4,1,'https://www.example.org/result-1-4');
INSERT INTO search_address VALUES(7,1,'https://www.example.org/result-1-7');
INSERT INTO search_address VALUES(8,1,'https://www.example.org/result-1-8');
INSERT INTO search_address VALUES(10,1,'https://www.example.org/result-1-10');
INSERT INTO search_address VALUES(13,1,'https://www.example.org/result-1-13');
INSERT INTO search_address VALUES(14,1,'https://www.example.org/result-2-1');
INSERT INTO search_address VALUES(17,1,'https://www.example.org/result-2-4');
INSERT INTO search_address VALUES(20,1,'https://www.example.org/result-3-1');
INSERT INTO search_address VALUES(23,1,'https://www.example.org/result-3-4');
INSERT INTO search_address VALUES(26,1,'https://www.example.org/result-3-7');
INSERT INTO search_address VALUES(29,1,'https://www.example.org/result-3-10');
INSERT INTO search_address VALUES(30,1,'https://www.example.org/result-1-1');
INSERT INTO search_address VALUES(33,1,'https://www.example.org/result-1-4');
INSERT INTO search_address VALUES(36,1,'https://www.example.org/result-1-7');
INSERT INTO search_address VALUES(39,1,'https://www.example.org/result-1-10');
INSERT INTO search_address VALUES(40,1,'https://www.example.org/result-2-1');
INSERT INTO search_address VALUES(43,1,'https://www.example.org/result-2-4');
INSERT INTO search_address VALUES(46,1,'https://www.example.org/result-2-7');
INSERT INTO search_address VALUES(49,1,'https://www.example.org/result-2-10');
INSERT INTO search_address VALUES(68,1,'https://www.instagram.com/x');
CREATE TABLE search_override (
    entry_id INTEGER NOT NULL REFERENCES search_entry(id),
    rule     TEXT NOT NULL CHECK (rule IN ('not-told', 'searcher-on-panel', 'candidate-withdrawn', 'vacancy-closed')),
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    PRIMARY KEY (entry_id, rule)
) WITHOUT ROWID;
INSERT INTO search_override VALUES(70,'candidate-withdrawn','Searched before the withdrawal was known.');
INSERT INTO search_override VALUES(70,'not-told','Searched before the withdrawal was known.');
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    entry_id      INTEGER NOT NULL REFERENCES search_entry(id),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    added_at      TEXT NOT NULL
);
INSERT INTO evidence VALUES(1,68,'684e1ec2e0cb416161aaca5c844bec78ee88c8b940c20bb107b22e3aa7973137','shot.png',11,'2026-12-03T10:50:57Z');
CREATE TABLE finding_category (
    key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
    label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
    position   INTEGER NOT NULL,
    built_in   INTEGER NOT NULL CHECK (built_in IN (0, 1))
) WITHOUT ROWID;
INSERT INTO finding_category VALUES('application-inconsistency','Inconsistency with the application (dates, roles, qualifications)',10,1);
INSERT INTO finding_category VALUES('bullying-harassment','Bullying or harassment',7,1);
INSERT INTO finding_category VALUES('children','Inappropriate contact with or comments about children',6,1);
INSERT INTO finding_category VALUES('confidentiality','Breach of confidentiality',9,1);
INSERT INTO finding_category VALUES('criminal-activity','Criminal activity',5,1);
INSERT INTO finding_category VALUES('disparaging','Disparaging employers, colleagues, pupils or parents',8,1);
INSERT INTO finding_category VALUES('drugs-alcohol','Drugs or alcohol misuse',4,1);
INSERT INTO finding_category VALUES('hate-extremism','Hate, discrimination or extremism',2,1);
INSERT INTO finding_category VALUES('online-gambling','Online gambling',13,0);
INSERT INTO finding_category VALUES('other','Other',12,1);
INSERT INTO finding_category VALUES('sexual-content','Sexual content',3,1);
INSERT INTO finding_category VALUES('undeclared-employment','Undeclared employment or gap',11,1);
INSERT INTO finding_category VALUES('violence','Violence or threats',1,1);
CREATE TABLE finding (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidate(id),
    number       INTEGER NOT NULL CHECK (number > 0),
    UNIQUE (candidate_id, number)
);
INSERT INTO finding VALUES(1,1,1);
INSERT INTO finding VALUES(2,1,2);
INSERT INTO finding VALUES(3,1,3);
INSERT INTO finding VALUES(4,3,1);
INSERT INTO finding VALUES(5,5,1);
INSERT INTO finding VALUES(6,6,1);
CREATE TABLE finding_source_entry (
    finding_id INTEGER NOT NULL REFERENCES finding(id),
    entry_id   INTEGER NOT NULL REFERENCES search_entry(id),
    PRIMARY KEY (finding_id, entry_id)
) WITHOUT ROWID;
INSERT INTO finding_source_entry VALUES(1,8);
INSERT INTO finding_source_entry VALUES(2,8);
INSERT INTO finding_source_entry VALUES(3,8);
INSERT INTO finding_source_entry VALUES(4,27);
INSERT INTO finding_source_entry VALUES(5,33);
INSERT INTO finding_source_entry VALUES(6,43);
CREATE TABLE finding_version (
    finding_id        INTEGER NOT NULL REFERENCES finding(id),
    version           INTEGER NOT NULL CHECK (version > 0),
    action            TEXT NOT NULL CHECK (action IN ('add', 'update', 'decide', 'respond')),
    recorded_at       TEXT NOT NULL,
    recorded_by       INTEGER NOT NULL REFERENCES staff(id),
    summary           TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    sources           TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array'),
    content_date      TEXT CHECK (content_date IS NULL OR date(content_date) IS content_date),
    -- A finding about a protected characteristic (Equality Act 2010) is recorded as such,
    -- never by what it is about, and can never be raised.
    protected         INTEGER NOT NULL CHECK (protected IN (0, 1)),
    category          TEXT REFERENCES finding_category(key),
    identity          TEXT NOT NULL CHECK (identity IN ('confirmed', 'probable', 'unverified')),
    identity_basis    TEXT NOT NULL DEFAULT '',
    relevance         TEXT NOT NULL DEFAULT '',
    decision          TEXT CHECK (decision IS NULL OR decision IN ('raise', 'no-further-action', 'not-the-candidate')),
    decision_reason   TEXT NOT NULL DEFAULT '',
    question          TEXT NOT NULL DEFAULT '',
    identity_question TEXT NOT NULL DEFAULT '',
    decided_by        INTEGER REFERENCES staff(id),
    decided_at        TEXT,
    response          TEXT NOT NULL DEFAULT '',
    response_by       INTEGER REFERENCES staff(id),
    response_at       TEXT,
    conclusion        TEXT CHECK (conclusion IS NULL OR conclusion IN ('satisfied', 'further-checks', 'concern-remains')),
    conclusion_detail TEXT NOT NULL DEFAULT '', correction_reason TEXT NOT NULL DEFAULT '', follow_up TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (finding_id, version),
    CHECK (protected = 1 OR category IS NOT NULL),
    CHECK (protected = 1 OR length(trim(relevance)) > 0),
    CHECK (identity <> 'confirmed' OR length(trim(identity_basis)) > 0),
    CHECK (protected = 0 OR decision IS NULL OR decision <> 'raise'),
    CHECK (decision IS NULL OR decision <> 'raise' OR length(trim(question)) > 0),
    CHECK (decision IS NULL OR decision <> 'raise' OR identity <> 'unverified' OR length(trim(identity_question)) > 0),
    CHECK (decision IS NULL OR decision = 'raise' OR length(trim(decision_reason)) > 0),
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK (conclusion IS NULL OR decision IS 'raise'),
    CHECK ((response_at IS NULL) = (conclusion IS NULL)),
    CHECK (conclusion IS NULL OR conclusion = 'satisfied' OR length(trim(conclusion_detail)) > 0)
) WITHOUT ROWID;
INSERT INTO finding_version VALUES(1,1,'add','2026-12-03T10:50:53Z',1,'A public post from March 2024 calls a previous employer''s pupils "feral".','["https://www.facebook.com/example-public-post"]','2024-04-03',0,'disparaging','confirmed','Profile photo and employer match the application.','How a member of staff speaks about pupils in public bears on their conduct with children.',NULL,'','','',NULL,NULL,'',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(1,2,'decide','2026-12-03T10:50:53Z',2,'A public post from March 2024 calls a previous employer''s pupils "feral".','["https://www.facebook.com/example-public-post"]','2024-04-03',0,'disparaging','confirmed','Profile photo and employer match the application.','How a member of staff speaks about pupils in public bears on their conduct with children.','raise','','Can you tell us about how you describe pupils when you talk about your work online?','',2,'2026-12-03T10:50:53Z','',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(2,1,'add','2026-12-03T10:50:53Z',1,'A post from 2015, when the candidate was 16, about a school prank.','["https://www.facebook.com/example-public-post"]','2016-02-03',0,'other','confirmed','Profile photo and employer match the application.','Conduct at school, checked for any risk to children.',NULL,'','','',NULL,NULL,'',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(2,2,'decide','2026-12-03T10:50:53Z',2,'A post from 2015, when the candidate was 16, about a school prank.','["https://www.facebook.com/example-public-post"]','2016-02-03',0,'other','confirmed','Profile photo and employer match the application.','Conduct at school, checked for any risk to children.','no-further-action','Made as a teenager over ten years ago; no bearing on the post.','','',2,'2026-12-03T10:50:53Z','',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(2,3,'update','2026-12-03T10:51:04Z',1,'A post from 2015 about a school prank, when the candidate was 16.','["https://www.facebook.com/example-public-post"]','2016-02-03',0,'other','confirmed','Profile photo and employer match the application.','Conduct at school, checked for any risk to children.','no-further-action','Made as a teenager over ten years ago; no bearing on the post.','','',2,'2026-12-03T10:50:53Z','',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(3,1,'add','2026-12-03T10:50:53Z',1,'Public posts about the candidate''s faith community.','[]',NULL,1,NULL,'confirmed','Same profile as the first finding.','',NULL,'','','',NULL,NULL,'',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(4,1,'add','2026-12-03T10:50:53Z',1,'An account with the same name shares videos of fights.','[]',NULL,0,'violence','unverified','','Sharing violent content would bear on suitability to work with children, if it is theirs.',NULL,'','','',NULL,NULL,'',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(4,2,'decide','2026-12-03T10:51:01Z',2,'An account with the same name shares videos of fights.','[]',NULL,0,'violence','unverified','','Sharing violent content would bear on suitability to work with children, if it is theirs.','no-further-action','Not the candidate: different town.','','',2,'2026-12-03T10:51:01Z','',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(5,1,'add','2026-12-03T10:50:53Z',1,'A local news report names the candidate in a dispute with a neighbour.','[]','2025-10-03',0,'bullying-harassment','probable','','Conduct towards others, explored so the candidate can explain.',NULL,'','','',NULL,NULL,'',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(5,2,'decide','2026-12-03T10:50:53Z',2,'A local news report names the candidate in a dispute with a neighbour.','[]','2025-10-03',0,'bullying-harassment','probable','','Conduct towards others, explored so the candidate can explain.','raise','','Is there anything about a dispute reported in the local news that you would like to tell us about?','',2,'2026-12-03T10:50:53Z','',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(5,3,'respond','2026-12-03T10:50:53Z',3,'A local news report names the candidate in a dispute with a neighbour.','[]','2025-10-03',0,'bullying-harassment','probable','','Conduct towards others, explored so the candidate can explain.','raise','','Is there anything about a dispute reported in the local news that you would like to tell us about?','',2,'2026-12-03T10:50:53Z','A boundary dispute, settled by mediation; no police involvement.',3,'2026-12-03T10:50:53Z','satisfied','','','');
INSERT INTO finding_version VALUES(6,1,'add','2026-12-03T10:50:53Z',1,'A local news report names the candidate in a dispute with a neighbour.','[]','2025-10-03',0,'bullying-harassment','probable','','Conduct towards others, explored so the candidate can explain.',NULL,'','','',NULL,NULL,'',NULL,NULL,NULL,'','','');
INSERT INTO finding_version VALUES(6,2,'decide','2026-12-03T10:50:53Z',2,'A local news report names the candidate in a dispute with a neighbour.','[]','2025-10-03',0,'bullying-harassment','probable','','Conduct towards others, explored so the candidate can explain.','raise','','Is there anything about a dispute reported in the local news that you would like to tell us about?','',2,'2026-12-03T10:50:53Z','',NULL,NULL,NULL,'','','');
CREATE TABLE audit_detail_purge (
    seq       INTEGER PRIMARY KEY REFERENCES audit_event(seq),
    purge_seq INTEGER NOT NULL REFERENCES audit_event(seq)
);
INSERT INTO audit_detail_purge VALUES(77,108);
INSERT INTO audit_detail_purge VALUES(78,108);
INSERT INTO audit_detail_purge VALUES(79,108);
INSERT INTO audit_detail_purge VALUES(80,108);
INSERT INTO audit_detail_purge VALUES(81,108);
INSERT INTO audit_detail_purge VALUES(82,108);
INSERT INTO audit_detail_purge VALUES(83,108);
INSERT INTO audit_detail_purge VALUES(84,108);
INSERT INTO audit_detail_purge VALUES(85,108);
INSERT INTO audit_detail_purge VALUES(86,108);
INSERT INTO audit_detail_purge VALUES(87,108);
INSERT INTO audit_detail_purge VALUES(88,108);
INSERT INTO audit_detail_purge VALUES(89,108);
INSERT INTO audit_detail_purge VALUES(90,108);
INSERT INTO audit_detail_purge VALUES(91,108);
INSERT INTO audit_detail_purge VALUES(92,108);
INSERT INTO audit_detail_purge VALUES(93,108);
INSERT INTO audit_detail_purge VALUES(94,108);
INSERT INTO audit_detail_purge VALUES(95,108);
INSERT INTO audit_detail_purge VALUES(96,108);
INSERT INTO audit_detail_purge VALUES(99,108);
INSERT INTO audit_detail_purge VALUES(101,108);
CREATE INDEX vacancy_panel_staff ON vacancy_panel(staff_id);
CREATE INDEX audit_event_vacancy ON audit_event(vacancy_id, seq) WHERE vacancy_id IS NOT NULL;
CREATE INDEX audit_event_candidate ON audit_event(candidate_id, seq) WHERE candidate_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event(actor, seq);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE INDEX search_entry_candidate ON search_entry(candidate_id, step_key, planned_query, id);
CREATE INDEX evidence_entry ON evidence(entry_id);
CREATE INDEX evidence_sha256 ON evidence(sha256);
CREATE INDEX vacancy_status ON vacancy(status);
CREATE INDEX finding_candidate ON finding(candidate_id);
CREATE INDEX audit_detail_purge_event ON audit_detail_purge(purge_seq);
CREATE INDEX vacancy_closed ON vacancy(closed_on) WHERE closed_on IS NOT NULL;
CREATE INDEX vacancy_report_date ON vacancy(coalesce(interview_date, substr(created_at, 1, 10)));
CREATE INDEX audit_event_general ON audit_event(seq) WHERE vacancy_id IS NULL;
CREATE INDEX finding_source_entry_entry ON finding_source_entry(entry_id);
COMMIT;
