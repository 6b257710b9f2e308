package io.clientele.support;

import java.util.ArrayList;
import java.util.List;

import io.clientele.ClienteleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole Clientele started the way a user starts it, against a database of the test's
 * choosing, outside the shared test context; closed at the end of the test.
 */
public final class StandaloneClientele implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private StandaloneClientele(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static StandaloneClientele start(String jdbcUrl, String user, String password, String... properties) {
		List<String> all = new ArrayList<>(List.of("clientele.db.url=" + jdbcUrl, "clientele.db.user=" + user,
				"clientele.db.password=" + password, "server.port=0"));
		all.addAll(List.of(properties));
		// As command-line arguments, so that they win over the test profile's settings.
		return new StandaloneClientele(new SpringApplicationBuilder(ClienteleApplication.class).profiles("test")
			.run(all.stream().map(argument -> "--" + argument).toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public JdbcClient jdbc() {
		return context.getBean(JdbcClient.class);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public boolean hasBean(Class<?> type) {
		return context.getBeanNamesForType(type).length > 0;
	}

	@Override
	public void close() {
		context.close();
	}

}
