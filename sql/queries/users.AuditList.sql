-- The newest lines of the users page's audit.
SELECT at, actor, action, target, detail FROM user_audit ORDER BY at DESC LIMIT {limit:UInt32}
