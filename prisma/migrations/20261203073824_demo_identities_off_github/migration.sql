-- demo_identities_off_github
-- The demo people used to carry the ids of real GitHub accounts (100001–100016, and 200001–200003 for the
-- people only the local identity provider offers), so with real GitHub configured the real account #100005
-- signed in as "Ada Admin", admin staff. They now carry the negated id, which no GitHub account has. A row is
-- taken for a demo person only when its id and its demo email agree. Its GitHub links and sessions go (whoever
-- holds them may be that real account), and so does its picture, which was that account's avatar.
CREATE TEMPORARY TABLE former_demo_identity (github_id BIGINT PRIMARY KEY, email TEXT NOT NULL) ON COMMIT DROP;
INSERT INTO former_demo_identity (github_id, email) VALUES
  (100001, 'olivia@acme.example'), (100002, 'max@acme.example'), (100003, 'vera@acme.example'),
  (100004, 'sam@gatehouse.example'), (100005, 'ada@gatehouse.example'), (100006, 'sue@gatehouse.example'),
  (100007, 'gus@globex.example'), (100008, 'ina@initech.example'), (100009, 'bruce@wayne.example'),
  (100010, 'pepper@stark.example'), (100011, 'gavin@hooli.example'), (100012, 'eldon@tyrell.example'),
  (100013, 'alice@umbrella.example'), (100014, 'sol@soylent.example'), (100015, 'miles@cyberdyne.example'),
  (100016, 'dana@gatehouse.example'),
  (200001, 'newhire@acme.example'), (200002, 'stan@nowhere.example'), (200003, 'otto@acme.example');

CREATE TEMPORARY TABLE renumbered_demo_user ON COMMIT DROP AS
  SELECT users.id FROM users JOIN former_demo_identity USING (github_id, email);

DELETE FROM sessions WHERE user_id IN (SELECT id FROM renumbered_demo_user);
DELETE FROM accounts WHERE provider = 'github' AND user_id IN (SELECT id FROM renumbered_demo_user);
UPDATE users SET github_id = -github_id, avatar_url = NULL WHERE id IN (SELECT id FROM renumbered_demo_user);
