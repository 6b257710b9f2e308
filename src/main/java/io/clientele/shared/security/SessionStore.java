package io.clientele.shared.security;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How the sessions kept in PostgreSQL (Spring Session JDBC) are read and written: at most
 * one read per request, and the last access written at most once a minute. Every
 * keystroke of the top-bar search is a request, so what a request costs the session store
 * is paid many times a second.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/**
	 * How long a session's last access may go unwritten: a session expires up to this
	 * much earlier than its timeout after the last request.
	 */
	static final long TOUCH_INTERVAL_MILLIS = 60_000;

	/**
	 * Spring Session's update with the same parameters, that changes nothing while only
	 * the last access moved by less than {@link #TOUCH_INTERVAL_MILLIS}: an update that
	 * finds no row to change writes nothing, so its commit waits for no disk flush.
	 * Spring Session has no setting for this (FlushMode and SaveMode are about the
	 * attributes; it marks the session changed on every access).
	 */
	static final String UPDATE_SESSION_QUERY = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
			    MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
			    PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
			             CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
			             CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME) V
			WHERE S.PRIMARY_ID = ?
			  AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
			       OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= {interval})
			""".replace("{interval}", Long.toString(TOUCH_INTERVAL_MILLIS));

	/**
	 * Session attributes are written with an upsert: two requests of one fresh session (a
	 * page and its htmx calls) both adding the same attribute otherwise fail one of them
	 * with a duplicate key.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOncePerMinute() {
		return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
	}

	@Bean
	static BeanPostProcessor sessionsReadOncePerRequest() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository jdbc ? new ReadOnce(jdbc) : bean;
			}
		};
	}

	/** Around Spring Session's filter: the span of a request's reads. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionReadsOfTheRequest() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ReadOnce.within(() -> chain.doFilter(request, response));
			}
		});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Spring Session's filter commits the session when the response is committed (a
	 * rendered page flushes its writer) and again when the request ends, and the second
	 * time it asks the repository for the session by its id again (spring-session issues
	 * 1424, 1731): a second select of the session and its attributes, deserialised, on
	 * every page and fragment. Within a request this answers a session asked for again
	 * from the one already read.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class ReadOnce implements FindByIndexNameSessionRepository<Session> {

		private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

		interface Work {

			void run() throws ServletException, IOException;

		}

		static void within(Work work) throws ServletException, IOException {
			if (READ.get() != null) {
				work.run();
				return;
			}
			READ.set(new HashMap<>());
			try {
				work.run();
			}
			finally {
				READ.remove();
			}
		}

		private final FindByIndexNameSessionRepository delegate;

		ReadOnce(JdbcIndexedSessionRepository delegate) {
			this.delegate = delegate;
		}

		@Override
		public Session createSession() {
			return delegate.createSession();
		}

		@Override
		public void save(Session session) {
			delegate.save(session);
		}

		@Override
		public @Nullable Session findById(String id) {
			Map<String, Session> read = READ.get();
			if (read != null) {
				Session known = read.get(id);
				if (known != null && known.getId().equals(id) && !known.isExpired()) {
					return known;
				}
			}
			Session found = (Session) delegate.findById(id);
			if (read != null && found != null) {
				read.put(id, found);
			}
			return found;
		}

		@Override
		public void deleteById(String id) {
			Map<String, Session> read = READ.get();
			if (read != null) {
				read.remove(id);
			}
			delegate.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
		}

	}

}
