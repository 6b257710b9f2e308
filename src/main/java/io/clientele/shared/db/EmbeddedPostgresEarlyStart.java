package io.clientele.shared.db;

import io.clientele.shared.ClienteleProperties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL as soon as the configuration is known, in parallel with
 * building the application context (which takes longer than the database start).
 * Registered in {@code META-INF/spring.factories}, because it runs before any bean
 * exists.
 */
class EmbeddedPostgresEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (Boolean.getBoolean("spring.aot.processing")) {
			return; // a build step, not a start
		}
		var properties = Binder.get(event.getEnvironment()).bind("clientele", ClienteleProperties.class).orElse(null);
		if (properties == null || properties.db().external() || properties.home() == null) {
			return;
		}
		var embedded = properties.embeddedDb();
		EmbeddedPostgresServer.startInBackground(properties.embeddedDataDirectory(), embedded.port(),
				embedded.durable(), embedded.startupWait(), embedded.sharedBuffers());
	}

}
