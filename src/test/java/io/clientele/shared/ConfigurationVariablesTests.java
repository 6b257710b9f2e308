package io.clientele.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the README documents reach the settings they name.
 */
class ConfigurationVariablesTests {

	@Test
	void the_documented_environment_variables_configure_clientele() throws java.io.IOException {
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CLIENTELE_HOME", "/srv/clientele", "CLIENTELE_DB_URL", "jdbc:postgresql://db.example/crm",
							"CLIENTELE_DB_USER", "crm", "CLIENTELE_DB_PASSWORD", "secret", "CLIENTELE_DB_POOL_SIZE",
							"12", "CLIENTELE_ADMIN_PASSWORD", "first-one", "CLIENTELE_PHONE_REGION", "KZ",
							"CLIENTELE_ATTACHMENTS_STORAGE", "disk", "CLIENTELE_ATTACHMENTS_MAX_SIZE", "10MB",
							"CLIENTELE_EMBEDDED_DB_SHARED_BUFFERS", "2GB")));
		environment.getPropertySources()
			.addLast(new org.springframework.core.io.support.ResourcePropertySource("application",
					"classpath:application.properties"));
		ConfigurationPropertySources.attach(environment);

		ClienteleProperties properties = Binder.get(environment).bind("clientele", ClienteleProperties.class).get();

		assertThat(properties.home()).isEqualTo(Path.of("/srv/clientele"));
		assertThat(properties.embeddedDataDirectory()).isEqualTo(Path.of("/srv/clientele/pgdata"));
		assertThat(properties.db().external()).isTrue();
		assertThat(properties.db().url()).isEqualTo("jdbc:postgresql://db.example/crm");
		assertThat(properties.db().user()).isEqualTo("crm");
		assertThat(properties.db().password()).isEqualTo("secret");
		assertThat(properties.db().effectivePoolSize()).isEqualTo(12);
		assertThat(properties.admin().password()).isEqualTo("first-one");
		assertThat(properties.phoneRegion()).isEqualTo("KZ");
		assertThat(properties.attachments().storage()).isEqualTo(ClienteleProperties.Attachments.Storage.DISK);
		assertThat(properties.attachments().maxSize().toMegabytes()).isEqualTo(10);
		assertThat(properties.embeddedDb().sharedBuffers()).isEqualTo(DataSize.ofGigabytes(2));
		assertThat(properties.login().maxFailures()).isEqualTo(5);
		assertThat(properties.login().window()).isEqualTo(Duration.ofMinutes(5));
	}

}
