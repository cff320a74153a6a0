-- One line of the users page's audit (dashboard/users.go).
INSERT INTO user_audit (at, actor, action, target, detail)
SELECT now64(3), {actor:String}, {action:String}, {target:String}, {detail:String}
