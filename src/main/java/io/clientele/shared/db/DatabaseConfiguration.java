package io.clientele.shared.db;

import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.clientele.shared.ClienteleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The one connection pool of the application: to the PostgreSQL named by
 * {@code CLIENTELE_DB_URL}, or else to an embedded PostgreSQL started here whose data
 * stays in {@code CLIENTELE_HOME/pgdata}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * Flowable creates its tables in the first schema of the search path, so its schema
	 * comes first; all Clientele tables are created by Flyway in {@code public}, and no
	 * Flowable table name (ACT_*, FLW_*) collides with ours.
	 */
	static final String SEARCH_PATH = "flowable,public";

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "release")
	@Conditional(NoExternalDatabase.class)
	EmbeddedPostgresServer embeddedPostgres(ClienteleProperties properties) {
		var embedded = properties.embeddedDb();
		return EmbeddedPostgresServer.acquire(properties.embeddedDataDirectory(), embedded.port(), embedded.durable(),
				embedded.startupWait(), embedded.sharedBuffers());
	}

	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(ClienteleProperties properties, Optional<EmbeddedPostgresServer> embedded) {
		var db = properties.db();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("clientele");
		if (embedded.isPresent()) {
			dataSource.setJdbcUrl(embedded.get().jdbcUrl());
		}
		else {
			dataSource.setJdbcUrl(db.url());
			dataSource.setUsername(db.user());
			dataSource.setPassword(db.password());
			log.info("Using the external PostgreSQL at {}", db.url());
		}
		dataSource.setMaximumPoolSize(db.effectivePoolSize());
		dataSource.setConnectionTimeout(db.connectionTimeout().toMillis());
		dataSource.addDataSourceProperty("currentSchema", SEARCH_PATH);
		dataSource.addDataSourceProperty("ApplicationName", "clientele");
		return dataSource;
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("clientele.db.url"));
		}

	}

}
