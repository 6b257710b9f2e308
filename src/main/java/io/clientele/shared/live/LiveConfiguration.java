package io.clientele.shared.live;

import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import io.clientele.shared.ClienteleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live updates: the streams of this node and the listener that feeds them, on a
 * connection opened with the pool's settings but outside it.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	@Bean
	LiveStreams liveStreams(ClienteleProperties properties) {
		var live = properties.live();
		return new LiveStreams(new LiveStreams.LiveSettings(live.streamsPerUser(), live.streamsPerNode(),
				live.heartbeat(), live.streamTimeout(), live.reconnect()));
	}

	@Bean
	LiveListener liveListener(HikariDataSource pool, LiveStreams streams, List<LiveTopic> topics) {
		return new LiveListener(() -> {
			Properties connection = new Properties();
			pool.getDataSourceProperties().forEach(connection::put);
			if (pool.getUsername() != null) {
				connection.setProperty("user", pool.getUsername());
			}
			if (pool.getPassword() != null) {
				connection.setProperty("password", pool.getPassword());
			}
			connection.setProperty("ApplicationName", "clientele-live");
			connection.setProperty("tcpKeepAlive", "true");
			return DriverManager.getConnection(pool.getJdbcUrl(), connection);
		}, streams, topics);
	}

}
