package io.clientele.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The variables a page's script needs about its signed-in user, from the session cookie:
 * the session's ids and the user, looked up once per session (Clientele keeps them in the
 * session), and the moments the session's last access is written with.
 */
@Component
class Sessions {

	private final JdbcClient jdbc;

	private final Map<String, Map<String, Object>> known = new ConcurrentHashMap<>();

	Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Object> variables(String cookie) {
		String sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		Map<String, Object> vars = new LinkedHashMap<>(known.computeIfAbsent(sessionId, id -> jdbc.sql("""
				select s.primary_id as session_primary, s.session_id as session, u.id as user_id,
				       u.department_id, u.username
				  from spring_session s join users u on u.username = s.principal_name
				 where s.session_id = ?
				""").param(id).query().singleRow()));
		long now = System.currentTimeMillis();
		vars.put("now_ms", now);
		vars.put("expiry_ms", now + 1_800_000);
		return vars;
	}

}
