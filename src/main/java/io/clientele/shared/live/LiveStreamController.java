package io.clientele.shared.live;

import io.clientele.shared.security.ClienteleUserDetails;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /events}: the signed-in user's live stream for one browser tab. The request
 * goes asynchronous at once; no transaction or database connection stays with it
 * ({@code spring.jpa.open-in-view} is off, and the session was read before).
 */
@Controller
class LiveStreamController {

	private final LiveStreams streams;

	LiveStreamController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(@AuthenticationPrincipal ClienteleUserDetails user) {
		try {
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				// nginx would otherwise hold the events back in its buffer
				.header("X-Accel-Buffering", "no")
				.body(streams.open(user.id()));
		}
		catch (LiveStreams.TooManyStreams ex) {
			// a browser does not reconnect after an error status: the page works without
			// live updates until it is reloaded
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60").build();
		}
	}

}
